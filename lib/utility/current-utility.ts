import { cache } from "react";
import { getDb } from "@/db/client";
import { getUtility } from "./get-utility";

/** The utility, read once per request. */
export const getCurrentUtility = cache(() => getUtility(getDb()));
