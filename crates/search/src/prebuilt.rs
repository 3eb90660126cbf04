//! A built [`SopIndex`] as bytes, so that it can be built once (when the SOP is embedded in
//! the binary, by `dalil-sop-files`' build script) and loaded at start in a few
//! milliseconds, instead of normalizing and indexing every text again.
//!
//! The bytes hold what building computes: the vocabulary, the words of every indexed text
//! (where each word is, and the ids of its stem and surface form), the glossary names, and
//! SQLite's image of the FTS5 table (`sqlite3_serialize`, after FTS5's `optimize` and a
//! `VACUUM`). The texts themselves are not kept: loading takes them again from the SOP, which
//! is cheap (a markdown parse), and checks that each still ends where its last word does, so
//! that an index is never paired with another SOP. Building twice from the same SOP gives
//! the same bytes, and loading and writing again gives them too; the tests check the
//! embedded index against one built at run time that way.
//!
//! ```text
//! "dalil-sop-index\0"  version: v (2)
//! words:  v count, then each: str
//! docs:   v count, then each: text title, text body
//!   text: v byte length, v count, then each word: v gap from the end of the last word,
//!         v length, v stem id, v surface id
//! terms:  v count, then each: str id, v count of (str stem, str surface),
//!         v count of (v count of str)
//! image:  v length, then SQLite's bytes
//! str:    v length, then UTF-8;  v: an unsigned LEB128 integer
//! ```

use std::collections::HashMap;

use dalil_content::Sop;
use rusqlite::{Connection, MAIN_DB};

use crate::error::SearchError;
use crate::sop::{Doc, SopIndex, TermName, Text, Vocab, doc_texts};

const MAGIC: &[u8] = b"dalil-sop-index\0";
const VERSION: u64 = 2;

struct Writer(Vec<u8>);

impl Writer {
    fn v(&mut self, n: usize) {
        let mut n = n as u64;
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.0.push(byte);
                return;
            }
            self.0.push(byte | 0x80);
        }
    }
    fn str(&mut self, s: &str) {
        self.v(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
    fn text(&mut self, t: &Text) {
        self.v(t.text.len());
        self.v(t.words.len());
        let mut end = 0;
        for (range, (stem, surface)) in t.words.iter().zip(&t.ids) {
            self.v(range.start - end);
            self.v(range.end - range.start);
            self.v(*stem as usize);
            self.v(*surface as usize);
            end = range.end;
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], SearchError> {
        if self.bytes.len() < n {
            return Err(SearchError::BadPrebuilt);
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }
    fn v(&mut self) -> Result<usize, SearchError> {
        let mut n: u64 = 0;
        for shift in (0..64).step_by(7) {
            let byte = self.take(1)?[0];
            n |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return usize::try_from(n).map_err(|_| SearchError::BadPrebuilt);
            }
        }
        Err(SearchError::BadPrebuilt)
    }
    /// A count, which can never exceed the bytes left: a forged count cannot ask for a
    /// huge allocation.
    fn count(&mut self) -> Result<usize, SearchError> {
        let n = self.v()?;
        if n > self.bytes.len() {
            return Err(SearchError::BadPrebuilt);
        }
        Ok(n)
    }
    fn str(&mut self) -> Result<String, SearchError> {
        let n = self.count()?;
        std::str::from_utf8(self.take(n)?)
            .map(str::to_owned)
            .map_err(|_| SearchError::BadPrebuilt)
    }
    fn text(&mut self, text: String, vocab: usize) -> Result<Text, SearchError> {
        if self.v()? != text.len() {
            return Err(SearchError::BadPrebuilt);
        }
        let n = self.count()?;
        let mut words = Vec::with_capacity(n);
        let mut ids = Vec::with_capacity(n);
        let mut end = 0usize;
        for _ in 0..n {
            let start = end.checked_add(self.v()?).ok_or(SearchError::BadPrebuilt)?;
            end = start
                .checked_add(self.v()?)
                .ok_or(SearchError::BadPrebuilt)?;
            if end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                return Err(SearchError::BadPrebuilt);
            }
            let (stem, surface) = (self.v()?, self.v()?);
            if stem >= vocab || surface >= vocab {
                return Err(SearchError::BadPrebuilt);
            }
            words.push(start..end);
            ids.push((stem as u32, surface as u32));
        }
        Ok(Text { text, words, ids })
    }
}

impl SopIndex {
    /// The index as bytes, for [`SopIndex::from_bytes`]. It first compacts the FTS5 table
    /// (`optimize`, then `VACUUM`), which changes no search result.
    ///
    /// # Errors
    ///
    /// [`SearchError::Sqlite`] if SQLite cannot compact or serialize the table.
    pub fn to_bytes(&mut self) -> Result<Vec<u8>, SearchError> {
        if !self.compact {
            self.conn
                .execute_batch("INSERT INTO sop (sop) VALUES ('optimize'); VACUUM;")?;
            self.compact = true;
        }
        let mut w = Writer(Vec::new());
        w.0.extend_from_slice(MAGIC);
        w.v(VERSION as usize);
        w.v(self.vocab.words.len());
        for word in &self.vocab.words {
            w.str(word);
        }
        w.v(self.docs.len());
        for d in &self.docs {
            w.text(&d.title);
            w.text(&d.body);
        }
        w.v(self.terms.len());
        for t in &self.terms {
            w.str(&t.id);
            w.v(t.words.len());
            for (stem, surface) in &t.words {
                w.str(stem);
                w.str(surface);
            }
            w.v(t.other.len());
            for name in &t.other {
                w.v(name.len());
                for stem in name {
                    w.str(stem);
                }
            }
        }
        let image = self.conn.serialize(MAIN_DB)?;
        w.v(image.len());
        w.0.extend_from_slice(&image);
        drop(image);
        Ok(w.0)
    }

    /// Loads the index of `sop` from bytes written by [`SopIndex::to_bytes`] for the same
    /// SOP. The table is opened read-only.
    ///
    /// # Errors
    ///
    /// [`SearchError::BadPrebuilt`] for bytes that are not such an index, of another version,
    /// or of another SOP (a text whose length or words do not fit); [`SearchError::Sqlite`]
    /// if SQLite refuses the image.
    pub fn from_bytes(bytes: &[u8], sop: &Sop) -> Result<SopIndex, SearchError> {
        let mut r = Reader { bytes };
        if r.take(MAGIC.len())? != MAGIC || r.v()? as u64 != VERSION {
            return Err(SearchError::BadPrebuilt);
        }
        let n = r.count()?;
        let mut vocab = Vocab {
            ids: HashMap::with_capacity(n),
            words: Vec::with_capacity(n),
        };
        for _ in 0..n {
            let word = r.str()?;
            let id = u32::try_from(vocab.words.len()).map_err(|_| SearchError::BadPrebuilt)?;
            vocab.ids.insert(word.clone(), id);
            vocab.words.push(word);
        }
        let texts = doc_texts(sop);
        if r.v()? != texts.len() {
            return Err(SearchError::BadPrebuilt);
        }
        let mut docs = Vec::with_capacity(texts.len());
        for d in texts {
            let title = r.text(d.title, vocab.words.len())?;
            let body = r.text(d.body, vocab.words.len())?;
            docs.push(Doc {
                chapter: d.chapter,
                chapter_title: d.chapter_title,
                step: d.step,
                lang: d.lang,
                title,
                body,
            });
        }
        let n = r.count()?;
        let mut terms = Vec::with_capacity(n);
        for _ in 0..n {
            let id = r.str()?;
            let k = r.count()?;
            let mut words = Vec::with_capacity(k);
            for _ in 0..k {
                words.push((r.str()?, r.str()?));
            }
            let k = r.count()?;
            let mut other = Vec::with_capacity(k);
            for _ in 0..k {
                let m = r.count()?;
                let mut name = Vec::with_capacity(m);
                for _ in 0..m {
                    name.push(r.str()?);
                }
                other.push(name);
            }
            terms.push(TermName { id, words, other });
        }
        let len = r.count()?;
        let image = r.take(len)?;
        if !r.bytes.is_empty() {
            return Err(SearchError::BadPrebuilt);
        }
        let mut conn = Connection::open_in_memory()?;
        conn.deserialize_read_exact(MAIN_DB, image, len, true)?;
        Ok(SopIndex {
            conn,
            docs,
            vocab,
            terms,
            compact: true,
        })
    }
}
