//! The event loop on a virtual clock: microtasks (promise jobs, queueMicrotask,
//! MutationObserver records), macrotasks (events, network replies, finalization
//! callbacks) and timers ordered by (due time, creation order).

use crate::heap::ReactionTarget;
use crate::interp::iter::Resume;
use crate::interp::{Res, Throw, Vm};
use crate::value::{ObjRef, Value};
use std::collections::{BTreeMap, VecDeque};

/// A queued job.
#[derive(Debug, Clone)]
pub enum Job {
    /// A promise reaction: run `handler(arg)` and settle `target`.
    Reaction { handler: Value, arg: Value, target: ReactionTarget, rejected: bool },
    /// Resolve `promise` with a thenable by calling its `then`.
    Thenable { promise: ObjRef, thenable: Value, then: Value },
    /// Call `f(...args)` with `this`.
    Call { f: Value, this: Value, args: Vec<Value> },
}

/// A pending timer.
#[derive(Debug, Clone)]
pub struct Timer {
    pub id: u32,
    pub f: Value,
    pub args: Vec<Value>,
    pub interval: Option<u64>,
    pub what: &'static str,
}

/// Queues and the virtual clock.
#[derive(Debug, Default)]
pub struct Loop {
    pub micro: VecDeque<Job>,
    pub tasks: VecDeque<(Job, &'static str)>,
    /// (due ms, sequence) -> timer
    pub timers: BTreeMap<(u64, u64), Timer>,
    pub seq: u64,
    pub next_timer_id: u32,
    pub now: u64,
    /// Rejected promises without a handler at the end of a microtask checkpoint.
    pub unhandled: Vec<ObjRef>,
    /// Timers still live when the run stopped at the virtual-time limit.
    pub live_at_limit: Vec<Timer>,
    pub hit_time_limit: bool,
}

impl Vm {
    pub fn enqueue_micro(&mut self, j: Job) {
        self.events.micro.push_back(j);
    }

    pub fn add_timer(&mut self, f: Value, delay: f64, args: Vec<Value>, repeat: bool) -> u32 {
        let d = if delay.is_nan() || delay < 1.0 { 1 } else { delay.min(2147483647.0) as u64 };
        self.events.next_timer_id += 1;
        let id = self.events.next_timer_id;
        self.events.seq += 1;
        let due = self.events.now + d;
        let what = if repeat { "setInterval" } else { "setTimeout" };
        self.events.timers.insert((due, self.events.seq), Timer { id, f, args, interval: if repeat { Some(d) } else { None }, what });
        id
    }

    pub fn clear_timer(&mut self, id: u32) {
        self.events.timers.retain(|_, t| t.id != id);
        self.cancelled_running = Some(id);
    }

    fn run_job(&mut self, j: Job) -> Res<()> {
        match j {
            Job::Call { f, this, args } => {
                self.call(&f, this, args)?;
            }
            Job::Thenable { promise, thenable, then } => {
                let (res, rej) = crate::builtins::promise::resolving_functions(self, promise);
                if let Err(Throw::Js(e)) = self.call(&then, thenable, vec![res, rej.clone()]) {
                    self.call(&rej, Value::Undefined, vec![e])?;
                }
            }
            Job::Reaction { handler, arg, target, rejected } => match target {
                ReactionTarget::Async(a) if false => {
                    let _ = a;
                }
                ReactionTarget::Async(a) => {
                    let how = if rejected { Resume::Throw(arg) } else { Resume::Next(arg) };
                    self.async_resume(a, how)?;
                }
                ReactionTarget::Promise(derived) => {
                    self.kept_alive.extend(derived);
                    let result = if self.is_callable(&handler) {
                        self.call(&handler, Value::Undefined, vec![arg])
                    } else if rejected {
                        Err(Throw::Js(arg))
                    } else {
                        Ok(arg)
                    };
                    if let Some(d) = derived {
                        match result {
                            Ok(v) => crate::builtins::promise::resolve_promise(self, d, v)?,
                            Err(Throw::Js(e)) => crate::builtins::promise::reject_promise(self, d, e),
                            Err(e) => return Err(e),
                        }
                    } else if let Err(e) = result {
                        return Err(e);
                    }
                }
            },
        }
        Ok(())
    }

    /// Runs microtasks until the queue is empty, then reports unhandled rejections.
    pub fn drain_micro(&mut self) -> Res<()> {
        while let Some(j) = self.events.micro.pop_front() {
            self.run_job(j)?;
        }
        self.kept_alive.clear();
        if let Some(p) = self.first_unhandled() {
            let reason = crate::builtins::promise::promise_value(self, p);
            return Err(Throw::Js(reason));
        }
        Ok(())
    }

    fn first_unhandled(&mut self) -> Option<ObjRef> {
        let list = std::mem::take(&mut self.events.unhandled);
        list.into_iter().find(|p| !crate::builtins::promise::is_handled(self, *p))
    }

    /// Runs tasks and timers until nothing is pending or the virtual-time limit.
    pub fn run_loop(&mut self, max_ms: u64) -> Res<()> {
        self.drain_micro()?;
        loop {
            if self.gc_pending.is_some() {
                self.collect_pending();
                self.drain_micro()?;
            }
            if let Some((j, _what)) = self.events.tasks.pop_front() {
                self.run_job(j)?;
                self.drain_micro()?;
                continue;
            }
            let Some((&(due, seq), _)) = self.events.timers.iter().next() else { break };
            if due > max_ms {
                self.events.hit_time_limit = true;
                self.events.live_at_limit = self.events.timers.values().cloned().collect();
                break;
            }
            let Some(t) = self.events.timers.remove(&(due, seq)) else { break };
            self.events.now = due;
            self.cancelled_running = None;
            if self.trace.enabled {
                self.trace_task("timer", t.what);
            }
            self.call(&t.f, Value::Undefined, t.args.clone())?;
            if let Some(iv) = t.interval {
                if self.cancelled_running != Some(t.id) {
                    self.events.seq += 1;
                    let s = self.events.seq;
                    self.events.timers.insert((due + iv, s), t);
                }
            }
            self.drain_micro()?;
        }
        Ok(())
    }
}
