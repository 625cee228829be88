// A tracker that follows several plans over one unit list gives each plan its own tabs: the plan it
// was set up with keeps the plain names (so a spreadsheet that gains a plan renames nothing), every
// other plan's names end with its id.
import type { TrackerTab } from "./tracker-tab-layout.js";

/** Sheets allows names of at most 100 characters. */
const SHEET_NAME_LIMIT = 100;

export function planTabName(name: string, planId: string, primaryPlan: string): string {
  return planId === primaryPlan ? name : `${name} · ${planId}`.slice(0, SHEET_NAME_LIMIT);
}

export function tabForPlan(tab: TrackerTab, planId: string, primaryPlan: string): TrackerTab {
  return { ...tab, name: planTabName(tab.name, planId, primaryPlan) };
}
