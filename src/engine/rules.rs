//! The rules that refuse a change ([rules §6](crate::rules)): the checks,
//! in their order, and their violations in words.

use super::Context;
use crate::messages;
use crate::types::{Actor, Param, Role, Status, Violation, ViolationCode};
use std::collections::BTreeMap;

/// A rule that refuses a change, before it is put into words.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Rule {
    Inactive,
    Member,
    Upgrade,
    Above(u32),
    Below(u32),
    /// Seats asked to be removed.
    InUse(u32),
}

impl Context<'_> {
    /// The rules broken by a change to `target` renewing seats, in order.
    /// A plan change is checked against the plan after it, and may be
    /// refused also when it keeps the seat count.
    pub(crate) fn rules(&self, target: u32) -> Vec<Rule> {
        let mut found = Vec::new();
        let r = self.renewing;
        if target == r && self.target.is_none() {
            return found; // keeping the seat count is never refused
        }
        if self.sub.status != Status::Active {
            found.push(Rule::Inactive);
        }
        if let Some(Actor { role: Role::Member }) = self.actor {
            found.push(Rule::Member);
        }
        let (plan, other_plan) = match &self.target {
            Some(t) => (t.plan, !t.same_plan),
            None => (&self.sub.plan, false),
        };
        let mut max_seats = plan.max_seats;
        if !plan.allows_additional_seats {
            if other_plan {
                // Moving to a plan that sells no seats: what it includes.
                let included = plan.included_seats.max(1);
                max_seats = Some(max_seats.map_or(included, |max| max.min(included)));
            } else if target > self.sub.seats {
                found.push(Rule::Upgrade);
            }
        }
        if let Some(max) = max_seats.filter(|max| target > *max) {
            found.push(Rule::Above(max));
        }
        let min = plan.effective_min_seats();
        if target < min {
            found.push(Rule::Below(min));
        }
        if target < r && r - target > self.free {
            found.push(Rule::InUse(r - target));
        }
        found
    }

    /// The violations of `rules` for a change to `target`, in words.
    pub(crate) fn violations(&self, rules: &[Rule], target: u32) -> Vec<Violation> {
        rules.iter().map(|r| self.violation(*r, target)).collect()
    }

    fn violation(&self, rule: Rule, target: u32) -> Violation {
        let (l, plan) = (self.locale, &self.sub.plan);
        let (code, message, params): (_, _, Vec<(&str, Param)>) = match rule {
            Rule::Inactive => (
                ViolationCode::SubscriptionInactive,
                messages::subscription_inactive(l, self.sub.status),
                vec![("status", Param::Text(self.sub.status.as_str().to_owned()))],
            ),
            Rule::Member => (
                ViolationCode::NotPermitted,
                messages::not_permitted(l),
                vec![("role", Param::Text(Role::Member.as_str().to_owned()))],
            ),
            Rule::Upgrade => (
                ViolationCode::PlanUpgradeRequired,
                messages::plan_upgrade_required(l, plan.name.as_deref().unwrap_or(&plan.id)),
                vec![
                    ("plan", Param::Text(plan.id.clone())),
                    ("requested", Param::Number(target)),
                    ("seats", Param::Number(self.sub.seats)),
                ],
            ),
            Rule::Above(max) => (
                ViolationCode::AboveMaximum,
                messages::above_maximum(l, target, max),
                vec![
                    ("requested", Param::Number(target)),
                    ("max_seats", Param::Number(max)),
                ],
            ),
            Rule::Below(min) => (
                ViolationCode::BelowMinimum,
                messages::below_minimum(l, target, min),
                vec![
                    ("requested", Param::Number(target)),
                    ("min_seats", Param::Number(min)),
                ],
            ),
            Rule::InUse(requested) => {
                let remove = requested - self.free;
                (
                    ViolationCode::SeatsInUse,
                    messages::seats_in_use(l, requested, self.free, remove),
                    vec![
                        ("requested", Param::Number(requested)),
                        ("free", Param::Number(self.free)),
                        ("users_to_remove", Param::Number(remove)),
                    ],
                )
            }
        };
        // Inserted one by one: collecting would sort, which costs 3 KB of
        // WebAssembly for a handful of entries.
        let mut map = BTreeMap::new();
        for (key, value) in params {
            map.insert(key.to_owned(), value);
        }
        Violation {
            code,
            message,
            params: map,
        }
    }
}
