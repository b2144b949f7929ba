//! Whole columns: `validate_array` reads a column of strings through the Arrow PyCapsule
//! interface (`__arrow_c_array__`, `__arrow_c_stream__`) without copying its buffers, or any
//! Python iterable of `str`/`bytes`/`None`, checks every value with the GIL released and
//! returns the verdicts as one Arrow struct array (`valid`, `code`, `position`, `key`),
//! exported through the same interface ([`Verdicts`]).
//!
//! A null value gives a row whose four fields are null.

use std::ffi::CStr;
use std::sync::Arc;

use arrow_array::builder::{BooleanBuilder, Int64Builder, StringBuilder};
use arrow_array::cast::AsArray;
use arrow_array::ffi::{from_ffi, to_ffi, FFI_ArrowArray, FFI_ArrowSchema};
use arrow_array::ffi_stream::{ArrayStreamReader, FFI_ArrowArrayStream};
use arrow_array::{make_array, Array, ArrayRef, StructArray};
use arrow_schema::{DataType, Field, Fields};
use bhyt::{ErrorCode, Issuer, Mode};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyCapsuleMethods, PyTuple};

const SCHEMA: &CStr = c"arrow_schema";
const ARRAY: &CStr = c"arrow_array";
const STREAM: &CStr = c"arrow_array_stream";

fn arrow_error(error: arrow_schema::ArrowError) -> PyErr {
    PyValueError::new_err(format!("cannot read the Arrow data: {error}"))
}

/// The chunks of an object with `__arrow_c_array__` or `__arrow_c_stream__`, `None` for
/// another object.
fn arrow_chunks(values: &Bound<'_, PyAny>) -> PyResult<Option<Vec<ArrayRef>>> {
    if values.hasattr("__arrow_c_array__")? {
        let pair = values.call_method0("__arrow_c_array__")?;
        let pair = pair.cast::<PyTuple>()?;
        let schema = pair.get_item(0)?;
        let schema = schema.cast::<PyCapsule>()?;
        let array = pair.get_item(1)?;
        let array = array.cast::<PyCapsule>()?;
        let schema_ptr = schema
            .pointer_checked(Some(SCHEMA))?
            .cast::<FFI_ArrowSchema>();
        let array_ptr = array.pointer_checked(Some(ARRAY))?.cast::<FFI_ArrowArray>();
        // SAFETY: the capsules are named as the Arrow PyCapsule interface names its C data
        // interface structs, so they point to valid ones. `from_raw` moves the array out and
        // marks the capsule's copy released (its destructor then does nothing); the schema
        // stays owned by its capsule, which lives until the end of this block.
        let data = unsafe {
            let array = FFI_ArrowArray::from_raw(array_ptr.as_ptr());
            from_ffi(array, schema_ptr.as_ref())
        }
        .map_err(arrow_error)?;
        return Ok(Some(vec![make_array(data)]));
    }
    if values.hasattr("__arrow_c_stream__")? {
        let capsule = values.call_method0("__arrow_c_stream__")?;
        let capsule = capsule.cast::<PyCapsule>()?;
        let stream = capsule
            .pointer_checked(Some(STREAM))?
            .cast::<FFI_ArrowArrayStream>();
        // SAFETY: as above: a named capsule of the interface holds a valid stream, which
        // `from_raw` moves out (leaving the capsule's copy released).
        let reader =
            unsafe { ArrayStreamReader::from_raw(stream.as_ptr()) }.map_err(arrow_error)?;
        let chunks = reader.collect::<Result<Vec<_>, _>>().map_err(arrow_error)?;
        return Ok(Some(chunks));
    }
    Ok(None)
}

/// The verdicts being built.
struct Builders {
    valid: BooleanBuilder,
    code: StringBuilder,
    position: Int64Builder,
    key: StringBuilder,
    mode: Mode,
    issuer: Option<Issuer>,
}

impl Builders {
    fn new(rows: usize, mode: Mode, issuer: Option<Issuer>) -> Builders {
        Builders {
            valid: BooleanBuilder::with_capacity(rows),
            code: StringBuilder::with_capacity(rows, rows * 4),
            position: Int64Builder::with_capacity(rows),
            key: StringBuilder::with_capacity(rows, rows * 10),
            mode,
            issuer,
        }
    }

    fn push(&mut self, value: Option<&[u8]>) {
        let Some(value) = value else {
            self.valid.append_null();
            self.code.append_null();
            self.position.append_null();
            self.key.append_null();
            return;
        };
        match self.mode.validate(value, self.issuer) {
            Ok(card) => {
                self.valid.append_value(true);
                self.code.append_null();
                self.position.append_null();
                // The key's text is the card's last 10 characters, the social-insurance
                // number (`CardKey`'s `Display`; the tests compare it with `Card.key`),
                // copied without going through a formatter.
                self.key
                    .append_value(card.social_insurance_number().as_str());
            }
            Err(error) => {
                self.valid.append_value(false);
                self.code.append_value(error.code().as_str());
                self.position
                    .append_option(error.position().map(|p| p as i64));
                self.key.append_null();
            }
        }
    }

    /// Every value of one chunk, read in place.
    fn push_chunk(&mut self, chunk: &dyn Array) -> Result<(), String> {
        match chunk.data_type() {
            DataType::Utf8 => chunk
                .as_string::<i32>()
                .iter()
                .for_each(|v| self.push(v.map(str::as_bytes))),
            DataType::LargeUtf8 => chunk
                .as_string::<i64>()
                .iter()
                .for_each(|v| self.push(v.map(str::as_bytes))),
            DataType::Utf8View => chunk
                .as_string_view()
                .iter()
                .for_each(|v| self.push(v.map(str::as_bytes))),
            DataType::Binary => chunk.as_binary::<i32>().iter().for_each(|v| self.push(v)),
            DataType::LargeBinary => chunk.as_binary::<i64>().iter().for_each(|v| self.push(v)),
            DataType::BinaryView => chunk.as_binary_view().iter().for_each(|v| self.push(v)),
            DataType::Null => (0..chunk.len()).for_each(|_| self.push(None)),
            // A table of one column (a record batch, a DuckDB relation): that column. A row
            // that is null as a whole is a null value.
            DataType::Struct(fields) if fields.len() == 1 => {
                let table = chunk.as_struct();
                let column = match table.nulls().filter(|nulls| nulls.null_count() > 0) {
                    None => Arc::clone(table.column(0)),
                    Some(_) => {
                        let data = table
                            .column(0)
                            .to_data()
                            .into_builder()
                            .nulls(arrow_buffer::NullBuffer::union(
                                table.nulls(),
                                table.column(0).nulls(),
                            ))
                            .build()
                            .map_err(|error| error.to_string())?;
                        make_array(data)
                    }
                };
                self.push_chunk(column.as_ref())?;
            }
            other => {
                return Err(format!(
                    "validate_array takes a column of strings (utf8, large_utf8, utf8_view or binary; or a table of one such column), got {other}"
                ))
            }
        }
        Ok(())
    }

    fn finish(mut self) -> Result<StructArray, String> {
        let fields = Fields::from(vec![
            Field::new("valid", DataType::Boolean, true),
            Field::new("code", DataType::Utf8, true),
            Field::new("position", DataType::Int64, true),
            Field::new("key", DataType::Utf8, true),
        ]);
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.valid.finish()),
            Arc::new(self.code.finish()),
            Arc::new(self.position.finish()),
            Arc::new(self.key.finish()),
        ];
        StructArray::try_new(fields, columns, None).map_err(|error| error.to_string())
    }
}

/// The verdicts of a column, one row per value: an Arrow struct array of `valid` (bool),
/// `code` (string), `position` (int64, a `str` index) and `key` (string, 10 digits), all null
/// for a null value. Plain `string` columns, which every consumer reads (Spark reads no
/// dictionary or large string from `mapInArrow`); [`max_rows`] keeps their 32-bit offsets
/// from overflowing. Exported through the Arrow PyCapsule interface: `pyarrow.record_batch`,
/// `pyarrow.array`, `polars.DataFrame` and other Arrow consumers take it.
#[pyclass(module = "bhyt", frozen, name = "Verdicts")]
pub struct Verdicts {
    array: StructArray,
}

#[pymethods]
impl Verdicts {
    /// The number of rows.
    fn __len__(&self) -> usize {
        self.array.len()
    }

    /// The Arrow PyCapsule interface: `(schema, array)` capsules of the struct array.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_array__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        // The schema is the verdicts' own; a consumer asking for another one casts itself.
        let _ = requested_schema;
        let (array, schema) = to_ffi(&self.array.to_data()).map_err(arrow_error)?;
        let schema = PyCapsule::new_with_value(py, schema, SCHEMA)?;
        let array = PyCapsule::new_with_value(py, array, ARRAY)?;
        PyTuple::new(py, [schema.into_any(), array.into_any()])
    }

    fn __repr__(&self) -> String {
        format!("Verdicts({} rows)", self.array.len())
    }
}

/// The most values one call takes: the `code` and `key` columns' text stays below 2 GiB (the
/// 32-bit offsets of `string`), whatever the verdicts.
pub fn max_rows() -> usize {
    let longest = ErrorCode::ALL
        .iter()
        .map(|code| code.as_str().len())
        .max()
        .unwrap_or(0)
        .max(10);
    i32::MAX as usize / longest
}

fn check_rows(rows: usize) -> PyResult<()> {
    if rows > max_rows() {
        return Err(PyValueError::new_err(format!(
            "validate_array takes at most {} values per call: pass the column in parts (record batches)",
            max_rows()
        )));
    }
    Ok(())
}

/// Checks every value of a column: see [`Verdicts`].
#[pyfunction]
#[pyo3(signature = (values, issuer = "any", lenient = false))]
pub fn validate_array(
    py: Python<'_>,
    values: &Bound<'_, PyAny>,
    issuer: &str,
    lenient: bool,
) -> PyResult<Verdicts> {
    let issuer = crate::issuer_of(issuer)?;
    let mode = Mode::from_lenient(lenient);
    if let Some(chunks) = arrow_chunks(values)? {
        let rows = chunks.iter().map(|chunk| chunk.len()).sum();
        check_rows(rows)?;
        let array = py
            .detach(move || {
                let mut builders = Builders::new(rows, mode, issuer);
                for chunk in &chunks {
                    builders.push_chunk(chunk.as_ref())?;
                }
                builders.finish()
            })
            .map_err(PyTypeError::new_err)?;
        return Ok(Verdicts { array });
    }
    // Any other iterable: each value is read (copied) while the GIL is held, then checked
    // without it.
    let mut inputs: Vec<Option<Vec<u8>>> = Vec::with_capacity(values.len().unwrap_or(0));
    for value in values.try_iter()? {
        let value = value?;
        if value.is_none() {
            inputs.push(None);
        } else {
            inputs.push(Some(crate::input_bytes(&value)?.into_owned()));
        }
    }
    check_rows(inputs.len())?;
    let array = py
        .detach(move || {
            let mut builders = Builders::new(inputs.len(), mode, issuer);
            for value in &inputs {
                builders.push(value.as_deref());
            }
            builders.finish()
        })
        .map_err(PyValueError::new_err)?;
    Ok(Verdicts { array })
}
