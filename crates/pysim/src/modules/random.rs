//! `_random`: the Mersenne Twister of CPython's `Modules/_randommodule.c` (MT19937,
//! `init_by_array` seeding from the 32-bit words of an int, `genrand_res53` floats,
//! `getrandbits`), as a generator handle that `py/random.py`'s `Random` class drives.
//!
//! A generator never seeded from Python starts from a fixed seed (`DEFAULT_SEED`):
//! CPython would read the operating system's entropy, which a snippet must not see,
//! and an unseeded sequence cannot be recorded anyway.

use crate::interp::Vm;
use crate::objects::function::Kw;
use crate::objects::{Kind, NativeObj};
use crate::value::{ObjRef, Value};
use crate::PResult;
use num_bigint::{BigInt, Sign};
use num_traits::Signed;
use std::cell::RefCell;

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The seed of a generator the program never seeded.
const DEFAULT_SEED: u32 = 5489;

#[derive(Debug, Clone)]
struct Mt {
    state: [u32; N],
    index: usize,
}

impl Mt {
    fn init_genrand(s: u32) -> Mt {
        let mut mt = [0u32; N];
        mt[0] = s;
        for i in 1..N {
            mt[i] = 1_812_433_253u32
                .wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30))
                .wrapping_add(i as u32);
        }
        Mt {
            state: mt,
            index: N,
        }
    }

    fn init_by_array(key: &[u32]) -> Mt {
        let mut g = Mt::init_genrand(19_650_218);
        let mt = &mut g.state;
        let (mut i, mut j) = (1usize, 0usize);
        let mut k = N.max(key.len());
        while k > 0 {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
            k -= 1;
        }
        k = N - 1;
        while k > 0 {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            k -= 1;
        }
        mt[0] = 0x8000_0000;
        g
    }

    fn genrand_u32(&mut self) -> u32 {
        let mag01 = [0u32, MATRIX_A];
        if self.index >= N {
            let mt = &mut self.state;
            for kk in 0..N - M {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag01[(y & 1) as usize];
            }
            for kk in N - M..N - 1 {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag01[(y & 1) as usize];
            }
            let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag01[(y & 1) as usize];
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    fn random(&mut self) -> f64 {
        let a = self.genrand_u32() >> 5;
        let b = self.genrand_u32() >> 6;
        (a as f64 * 67_108_864.0 + b as f64) * (1.0 / 9_007_199_254_740_992.0)
    }
}

/// A generator handle.
#[derive(Debug)]
struct Generator(RefCell<Mt>);

impl NativeObj for Generator {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// Runs `f` on the generator behind handle `v`.
fn with_gen<R>(vm: &mut Vm, v: Value, f: impl FnOnce(&mut Mt) -> R) -> PResult<R> {
    let out = match v {
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::Native(n) => n
                .as_any()
                .downcast_ref::<Generator>()
                .map(|g| f(&mut g.0.borrow_mut())),
            _ => None,
        },
        _ => None,
    };
    out.ok_or_else(|| vm.type_error("expected a _random generator"))
}

fn new(vm: &mut Vm, _args: &[Value], _kw: Kw) -> PResult<Value> {
    let ty = vm.new_native_type("Generator", "_random");
    let g = Generator(RefCell::new(Mt::init_by_array(&[DEFAULT_SEED])));
    Ok(Value::Obj(vm.alloc(ty, Kind::Native(Box::new(g)))))
}

/// `seed(gen, n)`: `random_seed` for a non-negative int (`random.py` maps other
/// seeds to ints as CPython's C code does).
fn seed(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("seed", args, 2, 2)?;
    let key: Vec<u32> = if args[1].is_none() {
        vec![DEFAULT_SEED]
    } else {
        let Some(n) = vm.bigint_of(args[1]) else {
            return Err(vm.type_error("seed must be an int"));
        };
        let n = n.abs();
        let (_, words) = n.to_u32_digits();
        if words.is_empty() {
            vec![0]
        } else {
            words
        }
    };
    with_gen(vm, args[0], |mt| *mt = Mt::init_by_array(&key))?;
    Ok(Value::None)
}

fn random(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("random", args, 1, 1)?;
    let x = with_gen(vm, args[0], Mt::random)?;
    Ok(vm.float(x))
}

fn getrandbits(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("getrandbits", args, 2, 2)?;
    let k = vm.index_arg(args[1])?;
    if k < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    if k == 0 {
        return Ok(Value::small(0));
    }
    if k <= 32 {
        let v = with_gen(vm, args[0], |mt| mt.genrand_u32() >> (32 - k))?;
        return Ok(vm.int(v as i64));
    }
    let out = with_gen(vm, args[0], |mt| {
        let words = (k as usize).div_ceil(32);
        let mut out = Vec::with_capacity(words);
        let mut left = k;
        for _ in 0..words {
            let mut r = mt.genrand_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            out.push(r);
            left -= 32;
        }
        out
    })?;
    Ok(vm.new_bigint(BigInt::from_slice(Sign::Plus, &out)))
}

fn getstate(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("getstate", args, 1, 1)?;
    let mt = with_gen(vm, args[0], |mt| mt.clone())?;
    let mut items: Vec<Value> = mt.state.iter().map(|&w| vm.int(w as i64)).collect();
    items.push(vm.int(mt.index as i64));
    Ok(vm.new_tuple(items))
}

fn setstate(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("setstate", args, 2, 2)?;
    let items = match args[1] {
        Value::Obj(r) if matches!(vm.heap.kind(r), Kind::Tuple(_)) => vm.tuple_items(args[1]),
        _ => return Err(vm.type_error("state vector must be a tuple")),
    };
    if items.len() != N + 1 {
        return Err(vm.value_error("state vector is the wrong size"));
    }
    let mut state = [0u32; N];
    for (i, v) in items[..N].iter().enumerate() {
        let Some(b) = vm.bigint_of(*v) else {
            return Err(vm.type_error("state vector items must be integers"));
        };
        let (_, d) = b.to_u32_digits();
        state[i] = d.first().copied().unwrap_or(0);
    }
    let index = vm.index_arg(items[N])?;
    if !(0..=N as i64).contains(&index) {
        return Err(vm.value_error("invalid state"));
    }
    with_gen(vm, args[0], |mt| {
        *mt = Mt {
            state,
            index: index as usize,
        }
    })?;
    Ok(Value::None)
}

pub fn init(vm: &mut Vm, d: ObjRef) -> PResult<()> {
    vm.new_native_type("Generator", "_random");
    vm.add_fn(d, "new", new);
    vm.add_fn(d, "seed", seed);
    vm.add_fn(d, "random", random);
    vm.add_fn(d, "getrandbits", getrandbits);
    vm.add_fn(d, "getstate", getstate);
    vm.add_fn(d, "setstate", setstate);
    Ok(())
}
