"use client";

import { useState, type FormEvent } from "react";
import { LAYER_INFO } from "@/lib/classify";
import { layerSchema, type Layer } from "@/lib/wire";
import type { HistoryFilters } from "./history-queries";
import { Button } from "./ui/button";
import { Input, Label, Select } from "./ui/field";

const TEXT_FIELDS = [
  { name: "role", label: "Role", placeholder: "orders-api-role or its ARN" },
  { name: "action", label: "Action", placeholder: "s3:GetObject or s3" },
  { name: "user", label: "Person", placeholder: "alice@example.com" },
  { name: "account", label: "Account", placeholder: "name or 12-digit id" },
] as const;

type TextField = (typeof TEXT_FIELDS)[number]["name"];

function TextFilter({
  name,
  label,
  placeholder,
  value,
  onChange,
}: {
  name: string;
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div>
      <Label htmlFor={`recent-${name}`}>{label}</Label>
      <Input
        id={`recent-${name}`}
        name={name}
        className="mt-1"
        value={value}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

/** The Recent page's filters: role, action, layer, person and account; all must match. */
export function RecentSearch({ onSearch }: { onSearch: (filters: HistoryFilters) => void }) {
  const [text, setText] = useState<Record<TextField, string>>({ role: "", action: "", user: "", account: "" });
  const [layer, setLayer] = useState<Layer | "">("");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = Object.fromEntries(Object.entries(text).map(([name, value]) => [name, value.trim() || undefined]));
    onSearch({ ...trimmed, layer: layer || undefined });
  };
  const clear = () => {
    setText({ role: "", action: "", user: "", account: "" });
    setLayer("");
    onSearch({});
  };

  return (
    <form
      role="search"
      aria-label="Search the history"
      onSubmit={submit}
      className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5 dark:border-slate-700 dark:bg-slate-900"
    >
      {TEXT_FIELDS.slice(0, 2).map((field) => (
        <TextFilter
          key={field.name}
          {...field}
          value={text[field.name]}
          onChange={(value) => setText({ ...text, [field.name]: value })}
        />
      ))}
      <div>
        <Label htmlFor="recent-layer">Layer</Label>
        <Select
          id="recent-layer"
          className="mt-1"
          value={layer}
          onChange={(event) => {
            const chosen = layerSchema.safeParse(event.target.value);
            setLayer(chosen.success ? chosen.data : "");
          }}
        >
          <option value="">Any layer</option>
          {layerSchema.options.map((option) => (
            <option key={option} value={option}>
              {LAYER_INFO[option].label}
            </option>
          ))}
        </Select>
      </div>
      {TEXT_FIELDS.slice(2).map((field) => (
        <TextFilter
          key={field.name}
          {...field}
          value={text[field.name]}
          onChange={(value) => setText({ ...text, [field.name]: value })}
        />
      ))}
      <div className="flex gap-2 sm:col-span-2 lg:col-span-5">
        <Button type="submit" variant="primary">
          Search
        </Button>
        <Button onClick={clear}>Clear</Button>
      </div>
    </form>
  );
}
