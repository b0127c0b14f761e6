//! Objects read straight from pack files, with a cache of decoded delta bases.
//!
//! gitoxide's object lookup caches only the object asked for, never the bases a delta chain
//! passes through, so reading the versions of a file in history order re-inflates the whole
//! chain for each version (chains are up to 50 deep), and a base is inflated again for every
//! delta on it. Here every object decoded on the way (base and intermediate results) goes
//! into a per-thread cache bounded in bytes, so each pack entry is normally inflated once.
//!
//! This is only a fast path: anything it does not handle (loose objects, alternates, a
//! reference delta into another pack, a damaged entry, an object over the size bound) is left
//! to gitoxide, so errors and their messages are gitoxide's.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::path::Path;
use std::rc::Rc;

use gix::objs::Kind;
use gix::odb::pack;
use pack::data::entry::Header;
use rampart_core::Piece;

/// Objects (and delta instructions) larger than this are left to gitoxide.
const MAX_OBJECT: u64 = 64 << 20;
/// Longest delta chain followed (git packs 50 deep by default and never deeper than 4095);
/// a longer one, or a cycle of reference deltas, is left to gitoxide.
const MAX_CHAIN: usize = 4096;

/// The pack files of a repository: index and data, memory-mapped.
pub(crate) struct Packs {
    packs: Vec<(pack::index::File, pack::data::File)>,
}

impl Packs {
    /// The packs in `objects_dir/pack`; ones that cannot be opened are skipped (gitoxide reads
    /// their objects, or reports them).
    pub(crate) fn open(objects_dir: &Path, hash: gix::hash::Kind) -> Packs {
        let mut paths: Vec<_> = std::fs::read_dir(objects_dir.join("pack"))
            .map(|dir| {
                dir.filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "idx"))
                    .collect()
            })
            .unwrap_or_default();
        paths.sort();
        let packs = paths
            .into_iter()
            .filter_map(|idx| {
                let index = pack::index::File::at(&idx, hash).ok()?;
                let data = pack::data::File::at(idx.with_extension("pack"), hash).ok()?;
                (index.num_objects() == data.num_objects()).then_some((index, data))
            })
            .collect();
        Packs { packs }
    }

    /// The pack and entry offset holding `id`.
    pub(crate) fn locate(&self, id: &gix::oid) -> Option<(usize, u64)> {
        self.packs.iter().enumerate().find_map(|(n, (index, _))| {
            index
                .lookup(id)
                .map(|at| (n, index.pack_offset_at_index(at)))
        })
    }
}

/// A decoded object, shared with the cache.
pub(crate) type Data = Rc<Vec<u8>>;

/// What [`Reader::read`] found.
pub(crate) enum Read {
    /// The object's kind and content.
    Object(Kind, Data),
    /// `proceed` declined an object of this size; it was not decoded.
    Declined(u64),
}

/// Decodes objects of [`Packs`] for one thread.
pub(crate) struct Reader<'a> {
    packs: &'a Packs,
    inflate: gix::zlib::Inflate,
    cache: Cache,
    /// How the object [`Reader::read`] last decoded was built: its delta base's (pack,
    /// offset) and the delta as pieces; `None` when it was not decoded from a delta here.
    derived: Option<(usize, u64)>,
    pieces: Vec<Piece>,
}

impl<'a> Reader<'a> {
    /// A reader whose cache holds up to `cache_bytes` of decoded objects.
    pub(crate) fn new(packs: &'a Packs, cache_bytes: usize) -> Reader<'a> {
        Reader {
            packs,
            inflate: gix::zlib::Inflate::default(),
            cache: Cache::new(cache_bytes),
            derived: None,
            pieces: Vec::new(),
        }
    }

    /// The delta base (pack, offset) of the object the last [`Reader::read`] decoded, and
    /// the object as pieces of that base; `None` if it was a full object or came from the
    /// cache.
    pub(crate) fn derivation(&self) -> Option<((usize, u64), &[Piece])> {
        self.derived.map(|base| (base, self.pieces.as_slice()))
    }

    /// Decode `id` if it is in a pack, after asking `proceed` with its size (known before the
    /// expensive part). `None`: not handled here, ask gitoxide.
    pub(crate) fn read(
        &mut self,
        id: &gix::oid,
        proceed: impl FnOnce(u64) -> bool,
    ) -> Option<Read> {
        self.derived = None;
        let (pack, offset) = self.packs.locate(id)?;
        self.decode(pack, offset, proceed)
    }

    fn decode(
        &mut self,
        pack: usize,
        offset: u64,
        proceed: impl FnOnce(u64) -> bool,
    ) -> Option<Read> {
        let (index, data) = self.packs.packs.get(pack)?;
        if let Some((kind, object)) = self.cache.get(pack, offset) {
            let size = object.len() as u64;
            return Some(if proceed(size) {
                Read::Object(kind, object)
            } else {
                Read::Declined(size)
            });
        }
        let entry = data.entry(offset).ok()?;
        if let Some(kind) = entry.header.as_kind() {
            if entry.decompressed_size > MAX_OBJECT {
                return None;
            }
            if !proceed(entry.decompressed_size) {
                return Some(Read::Declined(entry.decompressed_size));
            }
            let object = Rc::new(self.inflate(data, &entry)?);
            self.cache.put(pack, offset, kind, &object);
            return Some(Read::Object(kind, object));
        }
        // A delta: its instructions say the result's size; the kind is its base's.
        let instructions = self.inflate(data, &entry)?;
        let (_, result_size) = delta_sizes(&instructions)?;
        let base = match entry.header {
            Header::OfsDelta { base_distance } => entry.checked_base_pack_offset(base_distance)?,
            Header::RefDelta { base_id } => index.pack_offset_at_index(index.lookup(base_id)?),
            _ => return None,
        };
        if !proceed(result_size) {
            return Some(Read::Declined(result_size));
        }
        if result_size > MAX_OBJECT {
            return None;
        }
        let (kind, base_data) = self.resolve(pack, base)?;
        let mut pieces = std::mem::take(&mut self.pieces);
        let object = self.apply(&base_data, instructions, Some(&mut pieces));
        self.pieces = pieces;
        let object = object?;
        self.derived = Some((pack, base));
        self.cache.put(pack, offset, kind, &object);
        Some(Read::Object(kind, object))
    }

    /// The object at `offset` (any kind), through the cache, caching every step.
    fn resolve(&mut self, pack: usize, offset: u64) -> Option<(Kind, Data)> {
        let (index, data) = self.packs.packs.get(pack)?;
        // Deltas from `offset` down to the first cached object or full base.
        let mut chain = Vec::new();
        let mut at = offset;
        let (kind, mut object) = loop {
            if let Some(found) = self.cache.get(pack, at) {
                break found;
            }
            if chain.len() > MAX_CHAIN {
                return None;
            }
            let entry = data.entry(at).ok()?;
            if let Some(kind) = entry.header.as_kind() {
                if entry.decompressed_size > MAX_OBJECT {
                    return None;
                }
                let object = Rc::new(self.inflate(data, &entry)?);
                self.cache.put(pack, at, kind, &object);
                break (kind, object);
            }
            let base = match entry.header {
                Header::OfsDelta { base_distance } => {
                    entry.checked_base_pack_offset(base_distance)?
                }
                Header::RefDelta { base_id } => index.pack_offset_at_index(index.lookup(base_id)?),
                _ => return None,
            };
            chain.push((at, entry));
            at = base;
        };
        for (at, entry) in chain.into_iter().rev() {
            let instructions = self.inflate(data, &entry)?;
            let (_, result_size) = delta_sizes(&instructions)?;
            if result_size > MAX_OBJECT {
                return None;
            }
            object = self.apply(&object, instructions, None)?;
            self.cache.put(pack, at, kind, &object);
        }
        Some((kind, object))
    }

    /// The inflated content of one entry (an object or delta instructions).
    fn inflate(&mut self, data: &pack::data::File, entry: &pack::data::Entry) -> Option<Vec<u8>> {
        if entry.decompressed_size > MAX_OBJECT {
            return None;
        }
        let size = usize::try_from(entry.decompressed_size).ok()?;
        let mut out = self.cache.pool.take(size);
        out.resize(size, 0);
        data.decompress_entry(entry, &mut self.inflate, &mut out)
            .ok()?;
        Some(out)
    }

    /// `base` with delta `instructions` applied, in a recycled buffer (the instructions'
    /// buffer is recycled too); the result as pieces of `base` into `pieces` if given.
    fn apply(
        &mut self,
        base: &[u8],
        instructions: Vec<u8>,
        pieces: Option<&mut Vec<Piece>>,
    ) -> Option<Data> {
        let (_, size) = delta_sizes(&instructions)?;
        let out = self
            .cache
            .pool
            .take(usize::try_from(size.min(MAX_OBJECT)).ok()?);
        let object = apply_delta(base, &instructions, out, pieces);
        self.cache.pool.give(instructions);
        object.map(Rc::new)
    }
}

/// Read one size of a delta header (7 bits per byte, least significant first).
fn varint(data: &[u8]) -> Option<(u64, &[u8])> {
    let mut value = 0u64;
    for (i, &byte) in data.iter().enumerate().take(10) {
        value |= u64::from(byte & 0x7f) << (7 * i);
        if byte & 0x80 == 0 {
            return Some((value, data.get(i + 1..)?));
        }
    }
    None
}

/// (base size, result size) from the start of delta instructions.
fn delta_sizes(delta: &[u8]) -> Option<(u64, u64)> {
    let (base, rest) = varint(delta)?;
    let (result, _) = varint(rest)?;
    Some((base, result))
}

/// Apply git delta `instructions` to `base`, into `out` (emptied first); `None` if they do
/// not fit it. With `pieces`, the result is also described there as runs of `base` and new
/// bytes (adjacent runs of new bytes merged).
fn apply_delta(
    base: &[u8],
    instructions: &[u8],
    mut out: Vec<u8>,
    mut pieces: Option<&mut Vec<Piece>>,
) -> Option<Vec<u8>> {
    let (base_size, rest) = varint(instructions)?;
    let (result_size, mut ops) = varint(rest)?;
    if base_size != base.len() as u64 || result_size > MAX_OBJECT {
        return None;
    }
    let result_size = usize::try_from(result_size).ok()?;
    out.clear();
    out.reserve(result_size);
    if let Some(pieces) = pieces.as_deref_mut() {
        pieces.clear();
    }
    while let Some((&op, rest)) = ops.split_first() {
        ops = rest;
        if op & 0x80 != 0 {
            // Copy from the base: which offset and size bytes follow is in the opcode's bits.
            let mut field = |bits: u8, shift: usize| -> Option<usize> {
                let mut value = 0usize;
                for i in 0..shift {
                    if bits & (1 << i) != 0 {
                        let (&byte, rest) = ops.split_first()?;
                        ops = rest;
                        value |= usize::from(byte) << (8 * i);
                    }
                }
                Some(value)
            };
            let offset = field(op & 0x0f, 4)?;
            let size = match field((op >> 4) & 0x07, 3)? {
                0 => 0x10000,
                n => n,
            };
            out.extend_from_slice(base.get(offset..offset.checked_add(size)?)?);
            if let Some(pieces) = pieces.as_deref_mut() {
                pieces.push(Piece::Copy {
                    from: offset,
                    len: size,
                });
            }
        } else if op != 0 {
            // Insert the next `op` bytes of the instructions.
            let (insert, rest) = ops.split_at_checked(usize::from(op))?;
            out.extend_from_slice(insert);
            ops = rest;
            if let Some(pieces) = pieces.as_deref_mut() {
                match pieces.last_mut() {
                    Some(Piece::New { len }) => *len += insert.len(),
                    _ => pieces.push(Piece::New { len: insert.len() }),
                }
            }
        } else {
            return None;
        }
        if out.len() > result_size {
            return None;
        }
    }
    (out.len() == result_size).then_some(out)
}

/// Hashes (pack, offset) keys with a multiply per word: the keys are distinct integers, and
/// the default hasher's resistance to chosen keys buys nothing here.
#[derive(Default)]
struct OffsetHasher(u64);

impl std::hash::Hasher for OffsetHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.write_u64(u64::from(byte));
        }
    }

    fn write_u64(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn write_usize(&mut self, word: usize) {
        self.write_u64(word as u64);
    }
}

/// Decoded objects by (pack, offset), evicting the least recently used past a byte budget.
struct Cache {
    map: HashMap<(usize, u64), (Kind, Data, u64), BuildHasherDefault<OffsetHasher>>,
    bytes: usize,
    limit: usize,
    clock: u64,
    /// Buffers of evicted objects, for the next ones.
    pool: Pool,
}

impl Cache {
    fn new(limit: usize) -> Cache {
        Cache {
            map: HashMap::default(),
            bytes: 0,
            limit,
            clock: 0,
            pool: Pool::default(),
        }
    }

    fn get(&mut self, pack: usize, offset: u64) -> Option<(Kind, Data)> {
        self.clock += 1;
        let (kind, data, used) = self.map.get_mut(&(pack, offset))?;
        *used = self.clock;
        Some((*kind, data.clone()))
    }

    fn put(&mut self, pack: usize, offset: u64, kind: Kind, data: &Data) {
        // One object may not take more than an eighth of the budget.
        if data.len() > self.limit / 8 {
            return;
        }
        self.clock += 1;
        if let Some((_, old, _)) = self
            .map
            .insert((pack, offset), (kind, data.clone(), self.clock))
        {
            self.bytes -= old.len();
        }
        self.bytes += data.len();
        if self.bytes > self.limit {
            // Drop the least recently used quarter of the budget at once: amortized O(1).
            let mut by_age: Vec<(u64, (usize, u64), usize)> = self
                .map
                .iter()
                .map(|(key, (_, data, used))| (*used, *key, data.len()))
                .collect();
            by_age.sort_unstable();
            for (_, key, len) in by_age {
                if self.bytes <= self.limit / 4 * 3 {
                    break;
                }
                if let Some((_, data, _)) = self.map.remove(&key)
                    && let Ok(buffer) = Rc::try_unwrap(data)
                {
                    self.pool.give(buffer);
                }
                self.bytes -= len;
            }
        }
    }
}

/// Buffers to decode into, recycled: a history scan decodes hundreds of megabytes in objects
/// of a few kilobytes, and with the allocator told to return free memory at once (to keep the
/// peak low), freeing and allocating them made it hand the same pages back and forth with the
/// kernel (twice the page faults).
#[derive(Default)]
struct Pool {
    free: Vec<Vec<u8>>,
    bytes: usize,
}

impl Pool {
    /// Buffers kept at most, and their bytes.
    const COUNT: usize = 64;
    const BYTES: usize = 2 << 20;

    /// An empty buffer with room for `size` bytes: the smallest kept one that fits, unless it
    /// is more than twice as large.
    fn take(&mut self, size: usize) -> Vec<u8> {
        let best = self
            .free
            .iter()
            .enumerate()
            .filter(|(_, b)| b.capacity() >= size && b.capacity() <= size.saturating_mul(2) + 64)
            .min_by_key(|(_, b)| b.capacity())
            .map(|(i, _)| i);
        match best {
            Some(i) => {
                let buffer = self.free.swap_remove(i);
                self.bytes -= buffer.capacity();
                buffer
            }
            None => Vec::with_capacity(size),
        }
    }

    fn give(&mut self, mut buffer: Vec<u8>) {
        let size = buffer.capacity();
        if size == 0 || size > Self::BYTES / 4 {
            return;
        }
        while self.free.len() >= Self::COUNT || self.bytes + size > Self::BYTES {
            let Some(old) = self.free.first() else { break };
            self.bytes -= old.capacity();
            self.free.swap_remove(0);
        }
        buffer.clear();
        self.bytes += size;
        self.free.push(buffer);
    }
}

#[cfg(test)]
mod tests {
    use gix::ObjectId;

    use super::*;

    fn git(dir: &Path, args: &[&str]) -> String {
        let out = std::process::Command::new("git")
            .args(args)
            .current_dir(dir)
            .env("GIT_AUTHOR_NAME", "Ada Tester")
            .env("GIT_AUTHOR_EMAIL", "ada@example.org")
            .env("GIT_COMMITTER_NAME", "Ada Tester")
            .env("GIT_COMMITTER_EMAIL", "ada@example.org")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .expect("git runs");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// A repository whose history is one pack with long delta chains (and a few loose
    /// objects after it), read object by object, in both orders, with a tiny cache and a
    /// large one: every object the reader decodes equals gitoxide's.
    #[test]
    fn decodes_every_packed_object_like_gitoxide() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        git(root, &["init", "-q", "-b", "main"]);
        let mut text: Vec<String> = (0..300)
            .map(|i| format!("line {i} of the file\n"))
            .collect();
        for version in 0..40 {
            text[(version * 7) % 300] = format!("changed in version {version}\n");
            text.push(format!("appended in version {version}\n"));
            std::fs::write(root.join("a.txt"), text.concat()).unwrap();
            std::fs::create_dir_all(root.join(format!("dir{}", version % 3))).unwrap();
            std::fs::write(
                root.join(format!("dir{}/b.txt", version % 3)),
                text[..100 + version].concat(),
            )
            .unwrap();
            git(root, &["add", "-A"]);
            git(root, &["commit", "-q", "-m", &format!("version {version}")]);
            if version == 30 {
                git(root, &["repack", "-adfq", "--depth=50", "--window=50"]);
            }
        }
        let repo = gix::open(root).unwrap();
        let packs = Packs::open(repo.objects.store_ref().path(), repo.object_hash());
        assert_eq!(packs.packs.len(), 1);
        let ids: Vec<ObjectId> = git(root, &["rev-list", "--all", "--objects"])
            .lines()
            .map(|l| ObjectId::from_hex(&l.as_bytes()[..40]).unwrap())
            .collect();
        let deltas = git(
            root,
            &[
                "verify-pack",
                "-v",
                &format!(
                    "{}",
                    packs.packs[0].1.path().with_extension("idx").display()
                ),
            ],
        );
        assert!(deltas.contains("chain length = 10"), "{deltas}");
        for cache in [1 << 10, 32 << 20] {
            for order in [ids.clone(), ids.iter().rev().copied().collect()] {
                let mut reader = Reader::new(&packs, cache);
                let (mut packed, mut loose) = (0, 0);
                for id in &order {
                    let expected = repo.find_object(*id).unwrap();
                    match reader.read(id, |_| true) {
                        Some(Read::Object(kind, data)) => {
                            assert_eq!(kind, expected.kind, "{id}");
                            assert_eq!(data.as_slice(), &expected.data[..], "{id}");
                            packed += 1;
                        }
                        Some(Read::Declined(_)) => panic!("not declined"),
                        None => loose += 1,
                    }
                }
                assert!(packed > 100 && loose > 10, "{packed} packed, {loose} loose");
            }
        }
        // Declining by size decodes nothing and reports the size.
        let mut reader = Reader::new(&packs, 1 << 20);
        let blob = ids
            .iter()
            .find(|id| {
                repo.find_object(**id).unwrap().kind == Kind::Blob && packs.locate(id).is_some()
            })
            .unwrap();
        let size = repo.find_object(*blob).unwrap().data.len() as u64;
        assert!(matches!(reader.read(blob, |s| s < size), Some(Read::Declined(s)) if s == size));
    }

    #[test]
    fn applies_copy_and_insert_instructions() {
        let base = b"hello, world";
        // base size 12, result size 11: copy "hello" (offset 0, size 5), insert " git", copy
        // "ld" (offset 10, size 2).
        let delta = [12, 11, 0x90, 5, 4, b' ', b'g', b'i', b't', 0x91, 10, 2];
        // Into a recycled buffer: its old content is gone.
        let mut pieces = vec![Piece::New { len: 99 }];
        assert_eq!(
            apply_delta(base, &delta, b"stale".to_vec(), Some(&mut pieces)).as_deref(),
            Some(&b"hello gitld"[..])
        );
        assert_eq!(
            pieces,
            [
                Piece::Copy { from: 0, len: 5 },
                Piece::New { len: 4 },
                Piece::Copy { from: 10, len: 2 }
            ]
        );
        // Two inserts in a row are one piece.
        let delta = [12, 7, 2, b'a', b'b', 1, b'c', 0x90, 4];
        assert_eq!(
            apply_delta(base, &delta, Vec::new(), Some(&mut pieces)).as_deref(),
            Some(&b"abchell"[..])
        );
        assert_eq!(
            pieces,
            [Piece::New { len: 3 }, Piece::Copy { from: 0, len: 4 }]
        );
        // Wrong base size, copy out of range, short result, opcode 0: rejected.
        assert!(apply_delta(b"short", &delta, Vec::new(), None).is_none());
        assert!(apply_delta(base, &[12, 5, 0x91, 10, 5], Vec::new(), None).is_none());
        assert!(apply_delta(base, &[12, 6, 0x90, 5], Vec::new(), None).is_none());
        assert!(apply_delta(base, &[12, 1, 0], Vec::new(), None).is_none());
        assert!(apply_delta(base, &[12], Vec::new(), None).is_none());
    }

    #[test]
    fn cache_evicts_least_recently_used_first() {
        let mut cache = Cache::new(800);
        let object = |n: usize| Rc::new(vec![0u8; n]);
        for offset in 1..9 {
            cache.put(0, offset, Kind::Blob, &object(100));
        }
        assert_eq!(cache.bytes, 800);
        assert!(cache.get(0, 1).is_some());
        // Over the budget: the least recently used go until a quarter is free.
        cache.put(0, 9, Kind::Blob, &object(100));
        assert!(cache.get(0, 1).is_some(), "recently used");
        assert!(cache.get(0, 9).is_some(), "just added");
        assert!(cache.get(0, 2).is_none(), "least recently used");
        assert!(cache.bytes <= 800);
        cache.put(0, 99, Kind::Blob, &object(101));
        assert!(cache.get(0, 99).is_none(), "over an eighth of the budget");
    }
}
