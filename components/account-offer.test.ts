import { describe, expect, it } from "vitest";
import { accountOffers } from "./account-offer";

const ACCOUNTS = [
  { name: "sandbox", accountId: "111111111111", regions: ["us-east-1"] },
  { name: "production", accountId: "222222222222", regions: ["eu-west-1", "us-east-1"] },
];

const denial = (fields: { principal?: string; resource?: string; account?: string; region?: string }) => ({
  principal: fields.principal ?? null,
  resource: fields.resource ?? null,
  account: fields.account ?? null,
  region: fields.region ?? null,
});

const search = (href: string) => Object.fromEntries(new URL(href, "http://portal.test").searchParams);

describe("accountOffers", () => {
  it("offers the principal's role in its account, in the denial's Region", () => {
    const [offer, ...rest] = accountOffers(
      [denial({ principal: "arn:aws:sts::222222222222:assumed-role/orders-api-role/orders-api", region: "eu-west-1" })],
      ACCOUNTS,
    );
    expect(rest).toEqual([]);
    expect(offer?.label).toBe("Look up orders-api-role in production");
    expect(search(offer?.href ?? "")).toEqual({
      account: "222222222222",
      role: "arn:aws:sts::222222222222:assumed-role/orders-api-role/orders-api",
      regions: "eu-west-1",
      source: "aws",
    });
  });

  it("takes the account from the resource when the caller's account is not the user's, with its default Regions", () => {
    const [offer] = accountOffers(
      [
        denial({
          principal: "arn:aws:iam::333333333333:role/partner-sync",
          resource: "arn:aws:kms:eu-west-1:222222222222:key/1234",
        }),
      ],
      ACCOUNTS,
    );
    expect(offer?.label).toBe("Look up partner-sync in production");
    expect(search(offer?.href ?? "").regions).toBe("eu-west-1, us-east-1");
  });

  it("leaves the role to fill in when the principal is no role", () => {
    const [offer] = accountOffers(
      [denial({ principal: "arn:aws:iam::111111111111:user/alice", account: "111111111111" })],
      ACCOUNTS,
    );
    expect(offer?.label).toBe("Look up a role in sandbox");
    expect(search(offer?.href ?? "")).not.toHaveProperty("role");
  });

  it("offers nothing for accounts the user may not use, or ARNs without one", () => {
    const offers = accountOffers(
      [
        denial({ principal: "arn:aws:iam::999999999999:role/other", resource: "arn:aws:s3:::a-bucket" }),
        denial({ resource: "arn:aws:s3:::another-bucket" }),
      ],
      ACCOUNTS,
    );
    expect(offers).toEqual([]);
  });

  it("offers one lookup per role and account however many denials name it", () => {
    const principal = "arn:aws:iam::111111111111:role/builder";
    const offers = accountOffers(
      [denial({ principal }), denial({ principal }), denial({ account: "222222222222" })],
      ACCOUNTS,
    );
    expect(offers.map((offer) => offer.label)).toEqual(["Look up builder in sandbox", "Look up a role in production"]);
  });
});
