//! Records to Python dicts, fast: a serde serializer for the shapes records are made of
//! (structs of strings, numbers, options, unit enum variants and lists), with every field
//! name and variant string made once and reused. Building dicts is the one part of
//! `extract_many` that cannot leave the interpreter lock, so it sets the package's speed;
//! pythonize made a new key string for every field of every record.
//!
//! Anything else (a map, a tuple, a data-carrying variant) is `Unsupported`, and the caller
//! falls back to pythonize, so a new field of any type still reaches Python.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::hash::BuildHasherDefault;
use std::sync::Mutex;

use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use rustc_hash::FxHasher;
use serde::ser::{self, Impossible, Serialize};

/// Field names and variant names made so far, by the address and length of their
/// `&'static str` (hashing a pointer, not the text, keeps the look-up a few nanoseconds).
type KeyMap = HashMap<(usize, usize), Py<PyString>, BuildHasherDefault<FxHasher>>;

/// The strings made so far. In a mutex only so that the iterator holding it can be shared;
/// it is locked once per record and never contended.
#[derive(Default)]
pub struct Keys(Mutex<KeyMap>);

fn key<'py>(py: Python<'py>, keys: &RefCell<KeyMap>, s: &'static str) -> Bound<'py, PyString> {
    keys.borrow_mut()
        .entry((s.as_ptr() as usize, s.len()))
        .or_insert_with(|| PyString::intern(py, s).unbind())
        .bind(py)
        .clone()
}

/// `value` as Python objects: through the fast serializer, or pythonize for a shape it does
/// not handle.
pub fn to_py<'py>(
    py: Python<'py>,
    keys: &Keys,
    value: &impl Serialize,
) -> PyResult<Bound<'py, PyAny>> {
    let mut guard = keys.0.lock().unwrap_or_else(|e| e.into_inner());
    let cell = RefCell::new(std::mem::take(&mut *guard));
    let out = value.serialize(Fast { py, keys: &cell });
    *guard = cell.into_inner();
    match out {
        Ok(v) => Ok(v),
        Err(Fail::Python(e)) => Err(e),
        Err(Fail::Unsupported) => pythonize::pythonize(py, value)
            .map_err(|e| crate::QuotecheckError::new_err(e.to_string())),
    }
}

/// Why the fast path stopped.
#[derive(Debug)]
pub enum Fail {
    /// A shape records do not have: use pythonize.
    Unsupported,
    /// Python refused (out of memory).
    Python(PyErr),
}

impl fmt::Display for Fail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fail::Unsupported => f.write_str("unsupported shape"),
            Fail::Python(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for Fail {}

impl ser::Error for Fail {
    fn custom<T: fmt::Display>(_: T) -> Fail {
        Fail::Unsupported
    }
}

impl From<PyErr> for Fail {
    fn from(e: PyErr) -> Fail {
        Fail::Python(e)
    }
}

#[derive(Clone, Copy)]
struct Fast<'a, 'py> {
    py: Python<'py>,
    keys: &'a RefCell<KeyMap>,
}

type Out<'py> = Result<Bound<'py, PyAny>, Fail>;

impl<'a, 'py> Fast<'a, 'py> {
    fn obj(self, v: impl IntoPyObject<'py>) -> Out<'py> {
        Ok(v.into_bound_py_any(self.py)?)
    }
}

/// A struct being built: its dict.
struct Dict<'a, 'py> {
    fast: Fast<'a, 'py>,
    dict: Bound<'py, PyDict>,
}

/// A sequence being built: its items.
struct List<'a, 'py> {
    fast: Fast<'a, 'py>,
    items: Vec<Bound<'py, PyAny>>,
}

impl<'a, 'py> ser::Serializer for Fast<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Fail;
    type SerializeSeq = List<'a, 'py>;
    type SerializeTuple = Impossible<Self::Ok, Fail>;
    type SerializeTupleStruct = Impossible<Self::Ok, Fail>;
    type SerializeTupleVariant = Impossible<Self::Ok, Fail>;
    type SerializeMap = Impossible<Self::Ok, Fail>;
    type SerializeStruct = Dict<'a, 'py>;
    type SerializeStructVariant = Impossible<Self::Ok, Fail>;

    fn serialize_bool(self, v: bool) -> Out<'py> {
        self.obj(v)
    }
    fn serialize_i8(self, v: i8) -> Out<'py> {
        self.obj(v)
    }
    fn serialize_i16(self, v: i16) -> Out<'py> {
        self.obj(v)
    }
    fn serialize_i32(self, v: i32) -> Out<'py> {
        self.obj(v)
    }
    fn serialize_i64(self, v: i64) -> Out<'py> {
        self.obj(v)
    }
    fn serialize_u8(self, v: u8) -> Out<'py> {
        self.obj(v)
    }
    fn serialize_u16(self, v: u16) -> Out<'py> {
        self.obj(v)
    }
    fn serialize_u32(self, v: u32) -> Out<'py> {
        self.obj(v)
    }
    fn serialize_u64(self, v: u64) -> Out<'py> {
        self.obj(v)
    }
    fn serialize_f32(self, v: f32) -> Out<'py> {
        self.obj(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Out<'py> {
        self.obj(v)
    }
    fn serialize_char(self, v: char) -> Out<'py> {
        self.obj(v.to_string())
    }
    fn serialize_str(self, v: &str) -> Out<'py> {
        Ok(PyString::new(self.py, v).into_any())
    }
    fn serialize_bytes(self, _: &[u8]) -> Out<'py> {
        Err(Fail::Unsupported)
    }
    fn serialize_none(self) -> Out<'py> {
        Ok(self.py.None().into_bound(self.py))
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Out<'py> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Out<'py> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Out<'py> {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Out<'py> {
        Ok(key(self.py, self.keys, variant).into_any())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, v: &T) -> Out<'py> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Out<'py> {
        Err(Fail::Unsupported)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<List<'a, 'py>, Fail> {
        Ok(List {
            fast: self,
            items: Vec::with_capacity(len.unwrap_or(0)),
        })
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Fail> {
        Err(Fail::Unsupported)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Fail> {
        Err(Fail::Unsupported)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Fail> {
        Err(Fail::Unsupported)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Fail> {
        Err(Fail::Unsupported)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Dict<'a, 'py>, Fail> {
        Ok(Dict {
            fast: self,
            dict: PyDict::new(self.py),
        })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Fail> {
        Err(Fail::Unsupported)
    }
}

impl<'py> ser::SerializeStruct for Dict<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Fail;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Fail> {
        let value = value.serialize(self.fast)?;
        self.dict
            .set_item(key(self.fast.py, self.fast.keys, name), value)?;
        Ok(())
    }
    fn end(self) -> Out<'py> {
        Ok(self.dict.into_any())
    }
}

impl<'py> ser::SerializeSeq for List<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Fail;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Fail> {
        self.items.push(value.serialize(self.fast)?);
        Ok(())
    }
    fn end(self) -> Out<'py> {
        Ok(PyList::new(self.fast.py, self.items)?.into_any())
    }
}
