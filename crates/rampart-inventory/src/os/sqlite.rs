//! A minimal, read-only reader of SQLite database files (<https://www.sqlite.org/fileformat.html>),
//! just enough to list the rows of one table: the header, the `sqlite_schema` table on page 1,
//! table b-trees (interior and leaf pages), records and overflow chains.
//!
//! Everything is bounded: page numbers are checked against the file, no page is visited twice
//! in one table walk (so cycles end and the total work is linear in the file size), and no
//! payload is longer than the file. Indexes, `WITHOUT ROWID` tables and the write-ahead log
//! are not read.

use std::collections::HashSet;

/// One column value of a record.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Float(f64),
    Text(Vec<u8>),
    Blob(Vec<u8>),
}

impl Value {
    pub fn as_bytes(&self) -> Option<&[u8]> {
        match self {
            Value::Text(b) | Value::Blob(b) => Some(b),
            _ => None,
        }
    }
}

/// Why a file could not be read.
pub type Error = String;

const MAGIC: &[u8] = b"SQLite format 3\0";

/// An opened database file.
pub struct Db<'a> {
    data: &'a [u8],
    page_size: usize,
    /// Usable bytes per page (page size less the reserved space).
    usable: usize,
    pages: usize,
}

impl<'a> Db<'a> {
    pub fn open(data: &'a [u8]) -> Result<Db<'a>, Error> {
        if data.len() < 100 || !data.starts_with(MAGIC) {
            return Err("not an SQLite 3 database".into());
        }
        let raw = u16::from_be_bytes([data[16], data[17]]);
        let page_size = if raw == 1 { 65536 } else { usize::from(raw) };
        if !(512..=65536).contains(&page_size) || !page_size.is_power_of_two() {
            return Err(format!("invalid page size {raw}"));
        }
        let reserved = usize::from(data[20]);
        let usable = page_size - reserved;
        if usable < 480 {
            return Err(format!("invalid reserved space {reserved}"));
        }
        let pages = data.len() / page_size;
        if pages == 0 {
            return Err("truncated database (no complete page)".into());
        }
        Ok(Db {
            data,
            page_size,
            usable,
            pages,
        })
    }

    fn page(&self, number: u32) -> Result<&'a [u8], Error> {
        let n = number as usize;
        if n == 0 || n > self.pages {
            return Err(format!(
                "page number {number} out of range (1..={})",
                self.pages
            ));
        }
        let start = (n - 1) * self.page_size;
        Ok(&self.data[start..start + self.usable])
    }

    /// The rows (rowid, columns) of the table `name`, in rowid order.
    pub fn table(&self, name: &str) -> Result<Vec<(i64, Vec<Value>)>, Error> {
        let schema = self.walk(1)?;
        let root = schema
            .iter()
            .find_map(|(_, cols)| {
                let is_table = cols.first()?.as_bytes()? == b"table";
                let is_name = cols.get(1)?.as_bytes()? == name.as_bytes();
                match cols.get(3)? {
                    Value::Int(root) if is_table && is_name => Some(*root),
                    _ => None,
                }
            })
            .ok_or_else(|| format!("no table {name:?} in the schema"))?;
        let root = u32::try_from(root).map_err(|_| format!("invalid root page {root}"))?;
        self.walk(root)
    }

    /// All rows of the table b-tree rooted at `root`.
    fn walk(&self, root: u32) -> Result<Vec<(i64, Vec<Value>)>, Error> {
        let mut visited = HashSet::new();
        let mut rows = Vec::new();
        // Payload bytes read so far: a sound file holds each byte once, so more than the
        // file's size means cells are shared (a crafted page repeating one large cell).
        let mut total = 0usize;
        let mut stack = vec![root];
        while let Some(number) = stack.pop() {
            if !visited.insert(number) {
                return Err(format!("page {number} is reached twice (corrupt b-tree)"));
            }
            let page = self.page(number)?;
            let header = if number == 1 { 100 } else { 0 };
            let kind = *page.get(header).ok_or("truncated page")?;
            let cells = usize::from(be16(page, header + 3)?);
            match kind {
                0x05 => {
                    let right = be32(page, header + 8)?;
                    let mut children = Vec::with_capacity(cells + 1);
                    for i in 0..cells {
                        let cell = usize::from(be16(page, header + 12 + 2 * i)?);
                        children.push(be32(page, cell)?);
                    }
                    children.push(right);
                    // Popped in order: leftmost first.
                    stack.extend(children.into_iter().rev());
                }
                0x0d => {
                    for i in 0..cells {
                        let cell = usize::from(be16(page, header + 8 + 2 * i)?);
                        let (size, n) = varint(page, cell)?;
                        let (rowid, m) = varint(page, cell + n)?;
                        let payload = self.payload(page, cell + n + m, size, &mut visited)?;
                        total += payload.len();
                        if total > self.data.len() {
                            return Err("payloads larger than the file (shared cells)".into());
                        }
                        rows.push((rowid as i64, record(&payload)?));
                    }
                }
                other => {
                    return Err(format!(
                        "page {number}: not a table b-tree page ({other:#04x})"
                    ));
                }
            }
        }
        Ok(rows)
    }

    /// The payload of `size` bytes starting at `at` in `page`, following overflow pages.
    fn payload(
        &self,
        page: &[u8],
        at: usize,
        size: u64,
        visited: &mut HashSet<u32>,
    ) -> Result<Vec<u8>, Error> {
        if size > self.data.len() as u64 {
            return Err(format!("payload size {size} larger than the file"));
        }
        let p = size as usize;
        let u = self.usable;
        let x = u - 35;
        let local = if p <= x {
            p
        } else {
            let m = ((u - 12) * 32 / 255) - 23;
            let k = m + ((p - m) % (u - 4));
            if k <= x { k } else { m }
        };
        let mut out = Vec::with_capacity(p);
        out.extend_from_slice(page.get(at..at + local).ok_or("truncated cell")?);
        if local == p {
            return Ok(out);
        }
        let mut next = be32(page, at + local)?;
        while out.len() < p {
            if !visited.insert(next) {
                return Err(format!("overflow page {next} is reached twice (cycle)"));
            }
            let overflow = self.page(next)?;
            next = be32(overflow, 0)?;
            let take = (p - out.len()).min(u - 4);
            out.extend_from_slice(&overflow[4..4 + take]);
        }
        Ok(out)
    }
}

fn be16(data: &[u8], at: usize) -> Result<u16, Error> {
    let b = data.get(at..at + 2).ok_or("truncated page")?;
    Ok(u16::from_be_bytes([b[0], b[1]]))
}

fn be32(data: &[u8], at: usize) -> Result<u32, Error> {
    let b = data.get(at..at + 4).ok_or("truncated page")?;
    Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
}

/// A varint at `at`: its value and length in bytes.
fn varint(data: &[u8], at: usize) -> Result<(u64, usize), Error> {
    let mut value = 0u64;
    for i in 0..9 {
        let byte = *data.get(at + i).ok_or("truncated varint")?;
        if i == 8 {
            return Ok(((value << 8) | u64::from(byte), 9));
        }
        value = (value << 7) | u64::from(byte & 0x7f);
        if byte & 0x80 == 0 {
            return Ok((value, i + 1));
        }
    }
    unreachable!("the loop returns by its ninth byte")
}

/// Decode a record: a header of serial types, then the values.
fn record(payload: &[u8]) -> Result<Vec<Value>, Error> {
    let (header_len, n) = varint(payload, 0)?;
    let header_len = usize::try_from(header_len).map_err(|_| "invalid record header")?;
    if header_len > payload.len() || header_len < n {
        return Err("invalid record header length".into());
    }
    let mut pos = n;
    let mut body = header_len;
    let mut values = Vec::new();
    while pos < header_len {
        let (serial, m) = varint(payload, pos)?;
        pos += m;
        let len = match serial {
            0 | 8 | 9 => 0,
            1..=4 => serial as usize,
            5 => 6,
            6 | 7 => 8,
            10 | 11 => return Err("reserved serial type".into()),
            n => ((n - 12) / 2) as usize,
        };
        let bytes = payload
            .get(body..body.saturating_add(len))
            .ok_or("truncated record")?;
        body += len;
        values.push(match serial {
            0 => Value::Null,
            8 => Value::Int(0),
            9 => Value::Int(1),
            1..=6 => {
                // Sign-extend the big-endian integer.
                let mut v: i64 = if bytes[0] & 0x80 != 0 { -1 } else { 0 };
                for &b in bytes {
                    v = (v << 8) | i64::from(b);
                }
                Value::Int(v)
            }
            7 => Value::Float(f64::from_bits(u64::from_be_bytes(
                bytes.try_into().map_err(|_| "truncated float")?,
            ))),
            n if n % 2 == 0 => Value::Blob(bytes.to_vec()),
            _ => Value::Text(bytes.to_vec()),
        });
    }
    Ok(values)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints() {
        assert_eq!(varint(&[0x05], 0).unwrap(), (5, 1));
        assert_eq!(varint(&[0x81, 0x00], 0).unwrap(), (128, 2));
        assert_eq!(varint(&[0xff; 9], 0).unwrap(), (u64::MAX, 9));
        assert!(varint(&[0x81], 0).is_err());
    }

    #[test]
    fn records() {
        // header 4 bytes: len, NULL, int8 (1), text "ab" (17)
        let rec = [4, 0, 1, 17, 0xfe, b'a', b'b'];
        assert_eq!(
            record(&rec).unwrap(),
            vec![Value::Null, Value::Int(-2), Value::Text(b"ab".to_vec())]
        );
        assert!(record(&[4, 0, 1, 17, 0xfe, b'a']).is_err());
        assert!(record(&[9, 0]).is_err());
        assert!(record(&[2, 10]).is_err());
    }

    #[test]
    fn rejects_bad_headers() {
        assert!(Db::open(b"").is_err());
        assert!(Db::open(&[0u8; 200]).is_err());
        let mut data = vec![0u8; 1024];
        data[..16].copy_from_slice(MAGIC);
        data[16..18].copy_from_slice(&1000u16.to_be_bytes());
        assert!(Db::open(&data).is_err());
        data[16..18].copy_from_slice(&4096u16.to_be_bytes());
        assert!(Db::open(&data).is_err(), "no complete page");
    }
}
