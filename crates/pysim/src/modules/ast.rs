//! The native half of `ast`: `_malformed(source)` checks that an expression holds
//! only what `ast.literal_eval` accepts (constants, tuples, lists, sets, dicts,
//! `set()`, signed numbers and complex sums), in CPython's evaluation order, and
//! names the first node that is not (`py/ast.py` raises the ValueError).

use crate::compile::LineIndex;
use crate::interp::Vm;
use crate::objects::function::Kw;
use crate::value::{ObjRef, Value};
use crate::PResult;
use ruff_python_ast::{Expr, Number, Operator, UnaryOp};
use ruff_text_size::Ranged;

/// CPython's `ast` class name of an expression node.
fn node_name(e: &Expr) -> &'static str {
    match e {
        Expr::BoolOp(_) => "BoolOp",
        Expr::Named(_) => "NamedExpr",
        Expr::BinOp(_) => "BinOp",
        Expr::UnaryOp(_) => "UnaryOp",
        Expr::Lambda(_) => "Lambda",
        Expr::If(_) => "IfExp",
        Expr::Dict(_) => "Dict",
        Expr::Set(_) => "Set",
        Expr::ListComp(_) => "ListComp",
        Expr::SetComp(_) => "SetComp",
        Expr::DictComp(_) => "DictComp",
        Expr::Generator(_) => "GeneratorExp",
        Expr::Await(_) => "Await",
        Expr::Yield(_) => "Yield",
        Expr::YieldFrom(_) => "YieldFrom",
        Expr::Compare(_) => "Compare",
        Expr::Call(_) => "Call",
        Expr::FString(_) | Expr::TString(_) => "JoinedStr",
        Expr::Attribute(_) => "Attribute",
        Expr::Subscript(_) => "Subscript",
        Expr::Starred(_) => "Starred",
        Expr::Name(_) => "Name",
        Expr::List(_) => "List",
        Expr::Tuple(_) => "Tuple",
        Expr::Slice(_) => "Slice",
        _ => "Constant",
    }
}

/// What literal_eval rejects: a node, or the missing key of a `**` item in a dict
/// display (CPython's message then says `None`).
enum Malformed<'a> {
    Node(&'a Expr),
    MissingKey,
}

/// A number constant (not bool): the `_convert_num` test.
fn is_number(e: &Expr) -> bool {
    matches!(e, Expr::NumberLiteral(_))
}

fn is_complex(e: &Expr) -> bool {
    matches!(e, Expr::NumberLiteral(n) if matches!(n.value, Number::Complex { .. }))
}

/// `_convert_signed_num`: a number or `+`/`-` applied to one.
fn check_signed(e: &Expr) -> Result<(), Malformed<'_>> {
    if let Expr::UnaryOp(u) = e {
        if matches!(u.op, UnaryOp::UAdd | UnaryOp::USub) {
            return if is_number(&u.operand) {
                Ok(())
            } else {
                Err(Malformed::Node(&u.operand))
            };
        }
    }
    if is_number(e) {
        Ok(())
    } else {
        Err(Malformed::Node(e))
    }
}

/// `_convert`: the first node literal_eval rejects, in evaluation order.
fn check(e: &Expr) -> Result<(), Malformed<'_>> {
    match e {
        Expr::NumberLiteral(_)
        | Expr::StringLiteral(_)
        | Expr::BytesLiteral(_)
        | Expr::BooleanLiteral(_)
        | Expr::NoneLiteral(_)
        | Expr::EllipsisLiteral(_) => Ok(()),
        Expr::Tuple(t) => t.elts.iter().try_for_each(check),
        Expr::List(l) => l.elts.iter().try_for_each(check),
        Expr::Set(s) => s.elts.iter().try_for_each(check),
        Expr::Call(c)
            if matches!(&*c.func, Expr::Name(n) if n.id.as_str() == "set")
                && c.arguments.args.is_empty()
                && c.arguments.keywords.is_empty() =>
        {
            Ok(())
        }
        Expr::Dict(d) => d.items.iter().try_for_each(|item| match &item.key {
            Some(key) => check(key).and_then(|()| check(&item.value)),
            None => Err(Malformed::MissingKey),
        }),
        Expr::BinOp(b) if matches!(b.op, Operator::Add | Operator::Sub) => {
            check_signed(&b.left)?;
            if !is_number(&b.right) {
                return Err(Malformed::Node(&b.right));
            }
            if is_complex(&b.right) && !is_complex(&b.left) {
                Ok(())
            } else {
                Err(Malformed::Node(e))
            }
        }
        _ => check_signed(e),
    }
}

fn malformed(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("_malformed", args, 1, 1)?;
    let source = vm.as_str(args[0]).unwrap_or("").to_string();
    let parsed = match ruff_python_parser::parse_expression(&source) {
        Ok(p) => p,
        Err(e) => {
            let err = crate::errors::syntax_error_from_parse(&source, &e);
            return Err(vm.syntax_error(&err));
        }
    };
    let expr = parsed.into_syntax().body;
    match check(&expr) {
        Ok(()) => Ok(Value::None),
        Err(Malformed::Node(node)) => {
            let (line, _) = LineIndex::new(&source).pos(node.range().start().to_usize());
            let name = vm.new_str(node_name(node));
            let line = vm.int(line as i64);
            Ok(vm.new_tuple(vec![line, name]))
        }
        Err(Malformed::MissingKey) => Ok(vm.new_tuple(vec![Value::None, Value::None])),
    }
}

pub fn init(vm: &mut Vm, d: ObjRef) -> PResult<()> {
    vm.add_fn(d, "_malformed", malformed);
    Ok(())
}
