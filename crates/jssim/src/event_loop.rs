//! The event loop on a virtual clock, phase by phase like Node's: after the script and
//! after every callback, `process.nextTick` callbacks and then microtasks (promise jobs,
//! `queueMicrotask`, MutationObserver records) run to exhaustion; then expired timers
//! in (due time, creation) order, then the task queue (`setImmediate`, finalization
//! callbacks, simulated network replies), and the clock jumps to the next timer.
//!
//! In Node an uncaught error ends the program. In the browser an error in a callback is
//! reported and the page goes on; the exit code is 1 at the end.

use crate::heap::ReactionTarget;
use crate::interp::iter::Resume;
use crate::interp::{Res, Throw, Vm};
use crate::value::{ObjRef, Value};
use std::collections::{BTreeMap, VecDeque};

/// How far Node's loop clock has moved when the event loop starts after the main
/// script (its clock is cached during start-up): timers of up to this many ms set by
/// the script are all due in the first timers phase. Node's real lag varies from run
/// to run (0 to 10+ ms); the recorded corpus has a 5 ms timer due in the first phase
/// and a 10 ms one not.
pub const STARTUP_LAG_MS: u64 = 8;

/// Internal timers' ids count down from here, far above the program's.
pub const INTERNAL_TIMER_IDS: u32 = u32::MAX;

impl Timer {
    /// True for the environment's own timers (see [`Vm::add_internal_timer`]).
    pub fn is_internal(&self) -> bool {
        self.id > INTERNAL_TIMER_IDS / 2
    }
}

/// A queued job.
#[derive(Debug, Clone)]
pub enum Job {
    /// A promise reaction: run `handler(arg)` and settle `target`.
    Reaction {
        handler: Value,
        arg: Value,
        target: ReactionTarget,
        rejected: bool,
    },
    /// Resolve `promise` with a thenable by calling its `then`.
    Thenable {
        promise: ObjRef,
        thenable: Value,
        then: Value,
    },
    /// Call `f(...args)` with `this`.
    Call {
        f: Value,
        this: Value,
        args: Vec<Value>,
    },
}

/// A pending timer.
#[derive(Debug, Clone)]
pub struct Timer {
    pub id: u32,
    pub f: Value,
    pub args: Vec<Value>,
    pub interval: Option<u64>,
    pub what: &'static str,
    /// The timer's handle object (Node's `Timeout`), kept alive with the timer.
    pub handle: Option<ObjRef>,
    /// False after `unref()`: the timer alone does not keep the program running.
    pub refed: bool,
    /// The delay (for `refresh()` and intervals).
    pub delay: u64,
}

/// Queues and the virtual clock.
#[derive(Clone, Debug, Default)]
pub struct Loop {
    /// `process.nextTick` callbacks.
    pub ticks: VecDeque<Job>,
    pub micro: VecDeque<Job>,
    /// Macrotasks: (job, what queued it, immediate id or 0).
    pub tasks: VecDeque<(Job, &'static str, u32)>,
    /// The event loop has started (the first timers phase ran).
    pub started: bool,
    /// (due ms, sequence) -> timer
    pub timers: BTreeMap<(u64, u64), Timer>,
    pub seq: u64,
    pub next_timer_id: u32,
    /// Internal timers count down from [`INTERNAL_TIMER_IDS`].
    pub next_internal_id: u32,
    /// Virtual milliseconds since the program started.
    pub now: u64,
    /// Rejected promises without a handler, checked after each microtask checkpoint.
    pub unhandled: Vec<ObjRef>,
    /// Timers still live when the run stopped at the virtual-time limit.
    pub live_at_limit: Vec<Timer>,
    pub hit_time_limit: bool,
}

impl Loop {
    /// True while jobs, tasks or ref'd timers remain.
    pub fn has_pending(&self) -> bool {
        !self.ticks.is_empty()
            || !self.micro.is_empty()
            || !self.tasks.is_empty()
            || self.timers.values().any(|t| t.refed)
    }
}

impl Vm {
    pub fn enqueue_micro(&mut self, j: Job) {
        self.events.micro.push_back(j);
    }

    pub fn add_timer(&mut self, f: Value, delay: f64, args: Vec<Value>, repeat: bool) -> u32 {
        self.events.next_timer_id += 1;
        let id = self.events.next_timer_id;
        let what = if repeat { "setInterval" } else { "setTimeout" };
        self.insert_timer(id, f, delay, args, repeat, what)
    }

    /// A timer of the environment itself (animation frames, network replies): it
    /// keeps the program alive like any timer, but takes no id from the program's.
    pub fn add_internal_timer(
        &mut self,
        f: Value,
        delay: f64,
        repeat: bool,
        what: &'static str,
    ) -> u32 {
        self.events.next_internal_id += 1;
        let id = INTERNAL_TIMER_IDS - self.events.next_internal_id;
        self.insert_timer(id, f, delay, Vec::new(), repeat, what)
    }

    fn insert_timer(
        &mut self,
        id: u32,
        f: Value,
        delay: f64,
        args: Vec<Value>,
        repeat: bool,
        what: &'static str,
    ) -> u32 {
        let d = if delay.is_nan() || delay < 1.0 {
            1
        } else {
            delay.min(2147483647.0) as u64
        };
        self.events.seq += 1;
        let due = self.events.now + d;
        self.events.timers.insert(
            (due, self.events.seq),
            Timer {
                id,
                f,
                args,
                interval: if repeat { Some(d) } else { None },
                what,
                handle: None,
                refed: true,
                delay: d,
            },
        );
        id
    }

    /// `timeout.ref()` / `unref()`.
    pub fn set_timer_ref(&mut self, id: u32, refed: bool) {
        if let Some(t) = self.events.timers.values_mut().find(|t| t.id == id) {
            t.refed = refed;
        }
    }

    /// `timeout.refresh()`: restarts the timer from now.
    pub fn refresh_timer(&mut self, id: u32) {
        let Some(key) = self
            .events
            .timers
            .iter()
            .find(|(_, t)| t.id == id)
            .map(|(k, _)| *k)
        else {
            return;
        };
        if let Some(t) = self.events.timers.remove(&key) {
            self.events.seq += 1;
            let due = self.events.now + t.delay;
            self.events.timers.insert((due, self.events.seq), t);
        }
    }

    /// `clearImmediate(id)`.
    pub fn cancel_immediate(&mut self, id: u32) {
        self.events.tasks.retain(|(_, _, i)| *i != id);
    }

    /// Attaches the handle object returned to the program to timer `id`.
    pub fn set_timer_handle(&mut self, id: u32, handle: ObjRef) {
        if let Some(t) = self.events.timers.values_mut().find(|t| t.id == id) {
            t.handle = Some(handle);
        }
    }

    pub fn clear_timer(&mut self, id: u32) {
        self.events.timers.retain(|_, t| t.id != id);
    }

    /// Runs one callback; in the browser an uncaught error is reported and swallowed.
    fn guarded(&mut self, r: Res<()>) -> Res<()> {
        match r {
            Err(Throw::Js(v)) if self.browser => {
                self.report_uncaught(&v);
                Ok(())
            }
            Err(Throw::Js(v)) if crate::env_node::has_listeners(self, "uncaughtException") => {
                crate::env_node::emit(
                    self,
                    "uncaughtException",
                    vec![v, Value::str("uncaughtException")],
                )?;
                Ok(())
            }
            other => other,
        }
    }

    fn run_job(&mut self, j: Job) -> Res<()> {
        match j {
            Job::Call { f, this, args } => {
                self.call(&f, this, args)?;
            }
            Job::Thenable {
                promise,
                thenable,
                then,
            } => {
                let (res, rej) = crate::builtins::promise::resolving_functions(self, promise);
                if let Err(Throw::Js(e)) = self.call(&then, thenable, vec![res, rej.clone()]) {
                    self.call(&rej, Value::Undefined, vec![e])?;
                }
            }
            Job::Reaction {
                handler,
                arg,
                target,
                rejected,
            } => match target {
                ReactionTarget::Async(a) => {
                    let how = if rejected {
                        Resume::Throw(arg)
                    } else {
                        Resume::Next(arg)
                    };
                    self.async_resume(a, how)?;
                }
                ReactionTarget::Promise(derived) => {
                    let mark = self.temp_roots.len();
                    self.temp_roots.extend(derived);
                    let result = if self.is_callable(&handler) {
                        self.call(&handler, Value::Undefined, vec![arg])
                    } else if rejected {
                        Err(Throw::Js(arg))
                    } else {
                        Ok(arg)
                    };
                    self.temp_roots.truncate(mark);
                    match (derived, result) {
                        (Some(d), Ok(v)) => crate::builtins::promise::resolve_promise(self, d, v)?,
                        (Some(d), Err(Throw::Js(e))) => {
                            crate::builtins::promise::reject_promise(self, d, e)
                        }
                        (_, Err(e)) => return Err(e),
                        (None, Ok(_)) => {}
                    }
                }
            },
        }
        Ok(())
    }

    /// The microtask checkpoint: nextTick callbacks, then promise jobs, until both
    /// queues are empty; then unhandled rejections are reported. WeakRef targets kept
    /// alive for the job are released.
    pub fn drain_micro(&mut self) -> Res<()> {
        loop {
            if let Some(j) = self.events.ticks.pop_front() {
                let r = self.run_job(j);
                self.guarded(r)?;
                continue;
            }
            let Some(j) = self.events.micro.pop_front() else {
                break;
            };
            let r = self.run_job(j);
            self.guarded(r)?;
        }
        self.kept_alive.clear();
        let list = std::mem::take(&mut self.events.unhandled);
        for p in list {
            if crate::builtins::promise::is_handled(self, p) {
                continue;
            }
            let reason = crate::builtins::promise::promise_value(self, p);
            if let Some(d) = crate::builtins::promise::data_mut(self, p) {
                d.handled = true;
            }
            if self.browser {
                self.report_uncaught(&reason);
            } else if crate::env_node::has_listeners(self, "unhandledRejection") {
                crate::env_node::emit(self, "unhandledRejection", vec![reason, Value::Obj(p)])?;
            } else {
                return Err(Throw::Js(self.unhandled_rejection_error(reason)));
            }
        }
        Ok(())
    }

    /// What Node throws for an unhandled rejection: the reason itself when it is an
    /// error, else its `ERR_UNHANDLED_REJECTION` wrapper.
    fn unhandled_rejection_error(&mut self, reason: Value) -> Value {
        if let Value::Obj(o) = &reason {
            if matches!(self.heap.kind(*o), Some(crate::heap::Kind::Error(_))) {
                return reason;
            }
        }
        let shown = crate::inspect::inspect(self, &reason).unwrap_or_default();
        let msg = format!("This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason \"{shown}\".");
        let e = self.make_error("Error", &msg);
        if let Value::Obj(eo) = &e {
            self.set_hidden(*eo, "name", Value::str("UnhandledPromiseRejection"));
            self.set_prop_raw(*eo, "code", Value::str("ERR_UNHANDLED_REJECTION"));
        }
        e
    }

    /// Runs tasks and timers until nothing keeps the program alive (pending tasks or
    /// ref'd timers) or the virtual-time limit is reached.
    pub fn run_loop(&mut self) -> Res<()> {
        self.drain_micro()?;
        if !self.events.started {
            // Node's loop clock is cached before the main script runs and only updated
            // when the loop starts: by then the script's short timers have all expired.
            self.events.started = true;
            self.events.now = self.events.now.max(STARTUP_LAG_MS);
        }
        loop {
            if self.gc_pending.is_some() {
                self.collect_pending()?;
                self.drain_micro()?;
            }
            // Timers phase: every timer due by now, in (due, creation) order.
            let mut ran = false;
            while let Some((&(due, seq), _)) = self.events.timers.iter().next() {
                if due > self.events.now {
                    break;
                }
                self.fire_timer(due, seq)?;
                ran = true;
            }
            // Check phase: the tasks queued so far.
            let n = self.events.tasks.len();
            for _ in 0..n {
                let Some((j, what, _)) = self.events.tasks.pop_front() else {
                    break;
                };
                if self.trace.enabled {
                    self.trace_task("task", what);
                }
                let r = self.run_job(j);
                self.guarded(r)?;
                self.drain_micro()?;
                ran = true;
            }
            if ran || !self.events.tasks.is_empty() {
                continue;
            }
            if !self.events.timers.values().any(|t| t.refed) {
                break;
            }
            let Some((&(due, _), _)) = self.events.timers.iter().next() else {
                break;
            };
            if due > self.max_virtual_ms {
                self.events.hit_time_limit = true;
                self.events.live_at_limit = self
                    .events
                    .timers
                    .values()
                    .filter(|t| t.refed)
                    .cloned()
                    .collect();
                break;
            }
            self.events.now = due;
        }
        Ok(())
    }

    fn fire_timer(&mut self, due: u64, seq: u64) -> Res<()> {
        if self.trace.enabled {
            // The task's step begins while the timer is still pending.
            if let Some(what) = self.events.timers.get(&(due, seq)).map(|t| t.what) {
                self.trace_task("timer", what);
            }
        }
        // A timeout leaves the timer list for good before its callback runs. An interval
        // leaves Node's list only while its callback runs, and then Node's loop holds its
        // Timeout (`listOnTimeout`'s `timer`, re-inserted in its `finally`): it is one
        // root from `setInterval` to `clearInterval`, so here it stays on the list.
        let Some(repeats) = self
            .events
            .timers
            .get(&(due, seq))
            .map(|t| t.interval.is_some())
        else {
            return Ok(());
        };
        let t = if repeats {
            self.events.timers.get(&(due, seq)).cloned()
        } else {
            self.events.timers.remove(&(due, seq))
        };
        let Some(t) = t else {
            return Ok(());
        };
        // Node calls a timer's callback with the Timeout object as `this`. The
        // handle and arguments stay rooted while the callback runs.
        let this = t.handle.map(Value::Obj).unwrap_or_default();
        let mark = self.temp_roots.len();
        self.temp_roots.extend(t.handle);
        self.temp_roots
            .extend(t.args.iter().filter_map(|a| a.as_obj()));
        let r = self.call(&t.f, this, t.args.clone()).map(|_| ());
        self.temp_roots.truncate(mark);
        if let Some(iv) = t.interval {
            // Re-armed after the callback, like Node, unless the callback cleared it.
            let key = self
                .events
                .timers
                .iter()
                .find(|(_, timer)| timer.id == t.id)
                .map(|(k, _)| *k);
            if let Some(timer) = key.and_then(|k| self.events.timers.remove(&k)) {
                self.events.seq += 1;
                let s = self.events.seq;
                self.events.timers.insert((self.events.now + iv, s), timer);
            }
        }
        self.guarded(r)?;
        self.drain_micro()
    }
}
