// GET /api/v1/contracts?cursor= - the signed-in customer's contracts, meters and last indexes,
// CONTRACTS_PAGE a page (by service, then contract number)
import { getDb } from "@/db/client";
import { API_PAGE_SIZE, cursorCodec, code, oneOf, pageOf, uuid } from "@/lib/api/cursor";
import { apiRoute, json } from "@/lib/api/respond";
import { requireUser } from "@/lib/auth/guards";
import { presentContract } from "@/lib/contracts/present";
import { listAccountContracts } from "@/lib/contracts/queries";
import { serviceEnum } from "@/db/schema";

export const dynamic = "force-dynamic";

const CONTRACTS_PAGE = API_PAGE_SIZE;

/** The contract list's cursor: the last contract's sort key (service, number, id). */
const contractCursor = cursorCodec({
  service: oneOf(...serviceEnum.enumValues),
  contractNo: code,
  id: uuid,
});

export const GET = apiRoute(async (request) => {
  const user = await requireUser();
  const after = contractCursor.read(new URL(request.url).searchParams);
  const rows = await listAccountContracts(getDb(), {
    userId: user.id,
    after,
    limit: CONTRACTS_PAGE + 1,
  });
  const { page, nextCursor } = pageOf(rows, CONTRACTS_PAGE, contractCursor.encode);
  return json({ contracts: page.map(presentContract), nextCursor });
});
