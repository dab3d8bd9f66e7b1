// GET /api/v1/letters/challenge - a signed proof-of-work challenge for a guest's letter (no third party): find a nonce whose SHA-256 with it starts with `bits` zero bits
import { apiRoute, json } from "@/lib/api/respond";
import { issueChallenge } from "@/lib/registry/proof-of-work";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async () => {
  const challenge = issueChallenge();
  return json(
    {
      challenge,
      bits: Number(challenge.split(".")[2]),
      algorithm: "sha256(challenge + ':' + nonce)",
    },
    { headers: { "cache-control": "no-store" } },
  );
});
