//! An .xls file: an OLE compound file holding a BIFF "Workbook" stream.
//!
//! calamine reads the whole stream as it opens the file and lays out every sheet as a grid
//! (`Range::from_sparse` over the cells found, after reserving room for the area each sheet's
//! DIMENSIONS record declares), with its shared strings copied into every cell that uses them.
//! This module finds the stream the way calamine does (`cfb.rs`), refusing the chains that would
//! make calamine read forever (a cycle) or past what the file holds, then walks the BIFF records
//! the way calamine does (`xls.rs`: `parse_workbook`) and adds up the cells, areas and texts it
//! would build. Where calamine would stop with an error, so does the walk (nothing more would be
//! laid out); where it would panic, the reader's containment reports the file.

use super::{ContainerError, Format};
use crate::problem::CellRef;
use crate::workbook::limits::{Area, Budget, Exceeded, Grid, MAX_CELLS, MAX_SHEETS, check_text};

const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const DIFSECT: u32 = 0xFFFF_FFFC;
const RESERVED: u32 = 0xFFFF_FFFA;
/// A BIFF record's data continued over more records: calamine takes each continuation off the
/// front of a list, which is quadratic; a real shared-string table of the largest file allowed
/// has about 4,000.
const MAX_CONTINUES: usize = 8_192;

/// How a check of the container ends early.
enum Stop {
    /// calamine stops with an error here and lays out nothing more: nothing to refuse.
    Fails,
    /// The file must be refused before calamine reads it.
    Refuse(ContainerError),
}

impl From<Exceeded> for Stop {
    fn from(exceeded: Exceeded) -> Stop {
        Stop::Refuse(exceeded.into())
    }
}

fn damaged(reason: &str) -> Stop {
    Stop::Refuse(ContainerError::Damaged(reason.to_string()))
}

/// Checks an OLE compound file: an .xls workbook, or an encrypted .xlsx one (which calamine's
/// .xlsx reader recognises and reports as protected by a password).
pub(super) fn check(bytes: &[u8]) -> Result<Format, ContainerError> {
    let result = Compound::open(bytes).and_then(|cfb| {
        if cfb.stream_named("EncryptedPackage").is_some() {
            return Ok(Format::Xlsx);
        }
        walk(&cfb.workbook_stream()?)?;
        Ok(Format::Xls)
    });
    match result {
        Ok(format) => Ok(format),
        Err(Stop::Fails) => Ok(Format::Xls),
        Err(Stop::Refuse(error)) => Err(error),
    }
}

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(data.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

fn u32s(data: &[u8]) -> impl Iterator<Item = u32> + '_ {
    data.chunks_exact(4)
        .map(|c| u32::from_le_bytes(c.try_into().expect("4 bytes")))
}

/// The compound file's sectors and allocation tables, as calamine's `Cfb::new` loads them.
struct Compound<'a> {
    bytes: &'a [u8],
    header: usize,
    sector: usize,
    /// The highest sector id calamine accepts.
    maxid: usize,
    fats: Vec<u32>,
    directories: Vec<(String, u32, usize)>,
    mini_stream: Vec<u8>,
    mini_fats: Vec<u32>,
}

impl<'a> Compound<'a> {
    fn open(bytes: &'a [u8]) -> Result<Compound<'a>, Stop> {
        let head = bytes.get(..512).ok_or(Stop::Fails)?;
        let sector = match u16_at(head, 30) {
            Some(0x0009) => 512,
            Some(0x000C) if bytes.len() >= 4096 => 4096,
            _ => return Err(Stop::Fails),
        };
        if u16_at(head, 32) != Some(0x0006) {
            return Err(Stop::Fails);
        }
        let version = u16_at(head, 26).ok_or(Stop::Fails)?;
        let field = |at| u32_at(head, at).ok_or(Stop::Fails);
        let (dir_start, mini_fat_start) = (field(48)?, field(60)?);
        let (mini_fat_len, difat_start) = (field(64)? as usize, field(68)?);
        let mut cfb = Compound {
            bytes,
            header: sector,
            sector,
            maxid: bytes.len() / sector,
            fats: Vec::new(),
            directories: Vec::new(),
            mini_stream: Vec::new(),
            mini_fats: Vec::new(),
        };
        let mut difat: Vec<u32> = u32s(&head[76..512]).collect();
        let mut id = difat_start;
        let mut difat_sectors = 0;
        while id < RESERVED {
            difat_sectors += 1;
            if difat_sectors > cfb.maxid + 1 {
                return Err(Stop::Fails);
            }
            difat.extend(u32s(cfb.sector_at(id)?));
            id = difat.pop().ok_or(Stop::Fails)?;
        }
        // calamine appends a sector to the allocation table for every time it is listed.
        let listed: Vec<u32> = difat.into_iter().filter(|id| *id < DIFSECT).collect();
        if listed.len() > cfb.maxid + 1 {
            return Err(damaged(
                "its allocation table lists more sectors than the file has",
            ));
        }
        for id in listed {
            let fat: Vec<u32> = u32s(cfb.sector_at(id)?).collect();
            cfb.fats.extend(fat);
        }
        let directories = cfb.chain(dir_start, usize::MAX)?;
        let large = sector == 4096;
        cfb.directories = directories
            .chunks_exact(128)
            .map(|entry| {
                let units = entry[..64]
                    .chunks_exact(2)
                    .map(|u| u16::from_le_bytes([u[0], u[1]]));
                let name: String = char::decode_utf16(units)
                    .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                    .take_while(|c| *c != '\0')
                    .collect();
                let start = u32_at(entry, 116).unwrap_or(ENDOFCHAIN);
                let len = if large {
                    u64::from_le_bytes(entry[120..128].try_into().expect("8 bytes")) as usize
                } else {
                    u32_at(entry, 120).unwrap_or(0) as usize
                };
                (name, start, len)
            })
            .collect();
        let Some((_, root_start, root_len)) = cfb.directories.first().cloned() else {
            return Err(Stop::Fails);
        };
        if version != 3 && root_start == ENDOFCHAIN {
            return Err(Stop::Fails);
        }
        if mini_fat_len > 0 {
            cfb.mini_stream = cfb.chain(root_start, root_len)?;
            let mini_fat = cfb.chain(mini_fat_start, mini_fat_len * sector)?;
            cfb.mini_fats = u32s(&mini_fat).collect();
        }
        Ok(cfb)
    }

    /// A sector's bytes. calamine reads a sector that runs past the end of the file as what is
    /// there, or as zeros once it has read further, or panics: only whole sectors are let through.
    fn sector_at(&self, id: u32) -> Result<&'a [u8], Stop> {
        let id = id as usize;
        if id > self.maxid {
            return Err(Stop::Fails);
        }
        let start = self.header + id * self.sector;
        self.bytes
            .get(start..start + self.sector)
            .ok_or_else(|| damaged("it is cut short: a sector lies past its end"))
    }

    /// A chain of sectors up to `len` bytes. calamine follows a chain until its end, however
    /// long: one that loops would grow without end (or up to the length the directory declares).
    fn chain(&self, start: u32, len: usize) -> Result<Vec<u8>, Stop> {
        let mut bytes = Vec::new();
        let mut id = start;
        let mut steps = 0;
        while id != ENDOFCHAIN {
            steps += 1;
            if steps > self.maxid + 1 {
                return Err(damaged("a chain of sectors loops"));
            }
            let sector = self.sector_at(id)?;
            let take = sector.len().min(len - bytes.len());
            bytes.extend_from_slice(&sector[..take]);
            if bytes.len() >= len {
                break;
            }
            id = *self.fats.get(id as usize).ok_or(Stop::Fails)?;
        }
        Ok(bytes)
    }

    /// A stream under 4,096 bytes lives in the mini stream, in 64-byte sectors.
    fn mini_chain(&self, start: u32, len: usize) -> Result<Vec<u8>, Stop> {
        let mut bytes = Vec::new();
        let mut id = start;
        let mut steps = 0;
        while id != ENDOFCHAIN {
            steps += 1;
            if steps > self.mini_fats.len() + 1 {
                return Err(damaged("a chain of sectors loops"));
            }
            if id as usize > self.maxid * 8 {
                return Err(Stop::Fails);
            }
            let start = id as usize * 64;
            // calamine would read such a sector from wherever the file happens to be.
            let sector = self
                .mini_stream
                .get(start..start + 64)
                .ok_or_else(|| damaged("a mini sector lies beyond the mini stream"))?;
            let take = sector.len().min(len - bytes.len());
            bytes.extend_from_slice(&sector[..take]);
            if bytes.len() >= len {
                break;
            }
            id = *self.mini_fats.get(id as usize).ok_or(Stop::Fails)?;
        }
        Ok(bytes)
    }

    /// The first directory entry of that name (in any case), as calamine finds it.
    fn stream_named(&self, name: &str) -> Option<&(String, u32, usize)> {
        self.directories
            .iter()
            .find(|(n, _, _)| n.eq_ignore_ascii_case(name))
    }

    fn stream(&self, name: &str) -> Result<Vec<u8>, Stop> {
        let (_, start, len) = self.stream_named(name).ok_or(Stop::Fails)?;
        if *len < 4096 {
            self.mini_chain(*start, *len)
        } else {
            self.chain(*start, *len)
        }
    }

    /// The "Workbook" stream, or else the "Book" stream of older files.
    fn workbook_stream(&self) -> Result<Vec<u8>, Stop> {
        match self.stream("Workbook") {
            Err(Stop::Fails) => self.stream("Book"),
            found => found,
        }
    }
}

/// A BIFF record: its type, its data, and (for the shared-string table only) the data of the
/// CONTINUE records after it.
struct Record<'a> {
    typ: u16,
    data: &'a [u8],
    continues: Vec<&'a [u8]>,
}

/// Records as calamine's `RecordIter` reads them; `Err` where it stops with an error.
struct Records<'a> {
    stream: &'a [u8],
}

impl<'a> Records<'a> {
    fn next(&mut self) -> Option<Result<Record<'a>, Stop>> {
        if self.stream.is_empty() {
            return None;
        }
        let (Some(typ), Some(len)) = (u16_at(self.stream, 0), u16_at(self.stream, 2)) else {
            return Some(Err(Stop::Fails));
        };
        let Some(data) = self.stream.get(4..4 + len as usize) else {
            return Some(Err(Stop::Fails));
        };
        self.stream = &self.stream[4 + len as usize..];
        let mut continues = Vec::new();
        while self.stream.len() > 4 && u16_at(self.stream, 0) == Some(0x003C) {
            let len = u16_at(self.stream, 2).unwrap_or(0) as usize;
            let Some(more) = self.stream.get(4..4 + len) else {
                return Some(Err(Stop::Fails));
            };
            if typ == 0x00FC {
                if continues.len() == MAX_CONTINUES {
                    return Some(Err(damaged("a record is continued too many times")));
                }
                continues.push(more);
            }
            self.stream = &self.stream[4 + len..];
        }
        Some(Ok(Record {
            typ,
            data,
            continues,
        }))
    }
}

/// What the workbook's global records say that the sheets need.
struct Globals {
    /// Each sheet: where its records start, and its name.
    sheets: Vec<(usize, String)>,
    /// Bytes of each shared string once decoded, at most.
    strings: Vec<u64>,
    /// Bytes of the longest sheet or defined name, at most (formulas copy them).
    longest_name: u64,
    /// Whether text is UTF-16 (else a code page, where a stored byte can become more).
    utf16: bool,
    /// BIFF8 (Excel 97 and later) rather than an older version.
    biff8: bool,
}

fn walk(stream: &[u8]) -> Result<(), Stop> {
    let globals = globals(stream)?;
    let mut values = Budget::new(Grid::Values);
    let mut formulas = Budget::new(Grid::Formulas);
    // calamine holds the shared strings while it lays out the sheets.
    let strings = globals.strings.iter().sum::<u64>()
        + globals.strings.len() as u64 * std::mem::size_of::<String>() as u64;
    values.hold_text(None, strings)?;
    let mut walked = 0;
    for (pos, name) in &globals.sheets {
        let records = stream.get(*pos..).ok_or(Stop::Fails)?;
        let mut sheet = Sheet::new(name);
        let result = sheet.walk(records, &globals);
        // The cells found before calamine stops are held all the same.
        sheet.lay_out(&mut values, &mut formulas)?;
        walked += sheet.walked;
        if walked > stream.len() {
            return Err(damaged("its sheets overlap"));
        }
        result?;
    }
    Ok(())
}

fn globals(stream: &[u8]) -> Result<Globals, Stop> {
    let mut globals = Globals {
        sheets: Vec::new(),
        strings: Vec::new(),
        longest_name: 0,
        utf16: true,
        biff8: true,
    };
    let mut records = Records { stream };
    while let Some(record) = records.next() {
        let record = record?;
        let data = record.data;
        let short = || Stop::Fails;
        match record.typ {
            // FilePass: calamine refuses a protected file.
            0x002F if u16_at(data, 0).ok_or_else(short)? != 0 => return Err(Stop::Fails),
            // CodePage
            0x0042 => globals.utf16 = matches!(u16_at(data, 0).ok_or_else(short)?, 1200 | 1201),
            // BoundSheet8
            0x0085 => {
                if data.len() < 6 || data[4] & 0x3F > 2 || !matches!(data[5], 0 | 1 | 2 | 6) {
                    return Err(Stop::Fails);
                }
                let pos = u32_at(data, 0).ok_or_else(short)? as usize;
                let name = sheet_name(&data[6..], globals.biff8).ok_or_else(short)?;
                let cch = u64::from(*data.get(6).unwrap_or(&0));
                globals.longest_name = globals.longest_name.max(6 * cch);
                globals.sheets.push((pos, name));
                if globals.sheets.len() as u64 > MAX_SHEETS {
                    let sheets = globals.sheets.len() as u64;
                    return Err(Exceeded::Sheets { sheets }.into());
                }
            }
            // BOF: the BIFF version.
            0x0809 => {
                let version = u16_at(data, 0).ok_or_else(short)?;
                let dt = u16_at(data, 2).unwrap_or(0);
                globals.biff8 = match version {
                    0x0200 | 0x0002 | 0x0007 | 0x0300 | 0x0400 | 0x0500 => false,
                    0 => dt != 0x1000,
                    _ => true,
                };
            }
            // Lbl: a defined name.
            0x0018 => {
                let cch = u64::from(*data.get(3).ok_or_else(short)?);
                globals.longest_name = globals.longest_name.max(6 * cch);
            }
            // SST
            0x00FC => globals.strings = shared_strings(&record, globals.utf16)?,
            // EOF
            0x000A => break,
            _ => {}
        }
    }
    Ok(globals)
}

/// A BoundSheet8 name, for messages (a code page other than UTF-16 is read as Latin-1).
fn sheet_name(data: &[u8], biff8: bool) -> Option<String> {
    let cch = *data.first()? as usize;
    let (wide, chars) = if biff8 {
        (data.get(1)? & 1 != 0, data.get(2..)?)
    } else {
        (false, data.get(1..)?)
    };
    let name: String = if wide {
        let units = chars
            .chunks_exact(2)
            .map(|u| u16::from_le_bytes([u[0], u[1]]));
        char::decode_utf16(units.take(cch))
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect()
    } else {
        chars.iter().take(cch).map(|b| char::from(*b)).collect()
    };
    Some(name.replace('\0', ""))
}

/// The shared-string table as calamine's `parse_sst` reads it: the decoded size of each string,
/// at most. Each character takes at most 3 bytes from UTF-16, 6 from a code page (a stored
/// 16-bit unit decoded as two characters).
fn shared_strings<'a>(record: &Record<'a>, utf16: bool) -> Result<Vec<u64>, Stop> {
    let mut data = record.data.get(8..).ok_or(Stop::Fails)?;
    let mut continues = record.continues.iter();
    let mut next = |data: &mut &'a [u8]| match continues.next() {
        Some(more) => {
            *data = more;
            true
        }
        None => false,
    };
    let per_unit = if utf16 { 3 } else { 6 };
    let mut strings = Vec::new();
    while !data.is_empty() || next(&mut data) {
        if data.is_empty() {
            strings.push(0);
            continue;
        }
        if data.len() < 3 {
            return Err(Stop::Fails);
        }
        let cch = u16_at(data, 0).ok_or(Stop::Fails)? as usize;
        let flags = data[2];
        data = &data[3..];
        let mut wide = flags & 1 != 0;
        let mut runs = 0;
        if flags & 0x8 != 0 {
            runs = u16_at(data, 0).ok_or(Stop::Fails)? as usize;
            data = &data[2..];
        }
        let mut extra = 0;
        if flags & 0x4 != 0 {
            extra = u32_at(data, 0).ok_or(Stop::Fails)? as i32 as usize;
            data = &data[4..];
        }
        let (mut left, mut units) = (cch, 0u64);
        while left > 0 {
            let taken = if wide {
                (data.len() / 2).min(left)
            } else {
                data.len().min(left)
            };
            data = &data[if wide { 2 * taken } else { taken }..];
            left -= taken;
            units += taken as u64;
            if left > 0 {
                if !next(&mut data) || data.is_empty() {
                    return Err(Stop::Fails);
                }
                wide = data[0] & 1 != 0;
                data = &data[1..];
            }
        }
        check_text(units, None, None)?;
        for mut skip in [runs * 4, extra] {
            while skip > 0 {
                if data.is_empty() && !next(&mut data) {
                    return Err(Stop::Fails);
                }
                let n = skip.min(data.len());
                data = &data[n..];
                skip -= n;
            }
        }
        strings.push(units * per_unit);
    }
    Ok(strings)
}

/// Error codes calamine knows in a BoolErr record or a formula's result.
fn is_error_code(code: u8) -> bool {
    matches!(code, 0x00 | 0x07 | 0x0F | 0x17 | 0x1D | 0x24 | 0x2A | 0x2B)
}

/// Whether calamine's `parse_string` accepts a string's bytes.
fn string_ok(data: &[u8], biff8: bool) -> bool {
    data.len() >= if biff8 { 3 } else { 2 } || data == [0, 0]
}

/// One sheet's records, as calamine walks them from the sheet's position.
struct Sheet<'a> {
    name: &'a str,
    values: Option<Area>,
    formulas: Option<Area>,
    /// Cells calamine lists before building the grid.
    listed: u64,
    value_text: u64,
    formula_text: u64,
    /// Bytes of records walked.
    walked: usize,
}

impl<'a> Sheet<'a> {
    fn new(name: &'a str) -> Sheet<'a> {
        Sheet {
            name,
            values: None,
            formulas: None,
            listed: 0,
            value_text: 0,
            formula_text: 0,
            walked: 0,
        }
    }

    fn value(&mut self, row: u16, col: u32, text: u64) {
        let cell = CellRef::new(u32::from(row), col);
        match &mut self.values {
            Some(area) => area.add(cell),
            None => self.values = Some(Area::of(cell)),
        }
        self.listed += 1;
        self.value_text = self.value_text.saturating_add(text);
    }

    fn formula(&mut self, row: u16, col: u16, text: u64) {
        let cell = CellRef::new(u32::from(row), u32::from(col));
        match &mut self.formulas {
            Some(area) => area.add(cell),
            None => self.formulas = Some(Area::of(cell)),
        }
        self.formula_text = self.formula_text.saturating_add(text);
    }

    /// Walks the sheet's records (calamine's loop in `parse_workbook`).
    fn walk(&mut self, stream: &[u8], globals: &Globals) -> Result<(), Stop> {
        let mut records = Records { stream };
        let (mut seen_bof, mut depth) = (false, 0usize);
        let mut formula_at = (0u16, 0u16);
        // Text a formula becomes, per byte of its tokens, at most: a token can stand for a sheet
        // or defined name, or for up to 255 spaces.
        let per_token_byte = 64.max(globals.longest_name / 5 + 8);
        loop {
            let before = records.stream.len();
            let Some(record) = records.next() else {
                return Ok(());
            };
            self.walked += before - records.stream.len();
            let record = record?;
            let data = record.data;
            if depth > 0 {
                match record.typ {
                    0x0809 => depth += 1,
                    0x000A => depth -= 1,
                    _ => {}
                }
                continue;
            }
            let at = |min: usize| -> Result<(u16, u16), Stop> {
                if data.len() < min {
                    return Err(Stop::Fails);
                }
                Ok((
                    u16_at(data, 0).ok_or(Stop::Fails)?,
                    u16_at(data, 2).ok_or(Stop::Fails)?,
                ))
            };
            // Text decoded from the record's bytes from `from` on, at most.
            let text = |from: usize| 6 * data.len().saturating_sub(from) as u64;
            match record.typ {
                0x0809 if seen_bof => depth += 1,
                0x0809 => seen_bof = true,
                // Dimensions: calamine reserves room for the declared area.
                0x0200 => self.declared_area(data)?,
                // Number, RK
                0x0203 => {
                    let (row, col) = at(14)?;
                    self.value(row, col.into(), 0);
                }
                0x027E => {
                    let (row, col) = at(10)?;
                    self.value(row, col.into(), 0);
                }
                // Label, RString
                0x0204 | 0x00D6 => {
                    let (row, col) = at(6)?;
                    if !string_ok(&data[6..], globals.biff8) {
                        return Err(Stop::Fails);
                    }
                    self.value(row, col.into(), text(6));
                }
                // BoolErr
                0x0205 => {
                    let (row, col) = at(8)?;
                    match (data[7], data[6]) {
                        (0, _) => {}
                        (1, e) if is_error_code(e) => {}
                        _ => return Err(Stop::Fails),
                    }
                    self.value(row, col.into(), 0);
                }
                // String: the text result of the formula before.
                0x0207 => {
                    if !string_ok(data, globals.biff8) {
                        return Err(Stop::Fails);
                    }
                    self.value(formula_at.0, formula_at.1.into(), text(0));
                }
                // LabelSst: a copy of a shared string.
                0x00FD => {
                    let (row, col) = at(10)?;
                    let index = u32_at(data, 6).ok_or(Stop::Fails)? as usize;
                    if let Some(bytes) = globals.strings.get(index) {
                        self.value(row, col.into(), *bytes);
                    }
                }
                // MulRk: several numbers in a row.
                0x00BD => {
                    let (row, first) = at(6)?;
                    let last = u16_at(data, data.len() - 2).ok_or(Stop::Fails)?;
                    // In 16 bits, wrapping, as calamine computes it.
                    let count = last.wrapping_sub(first).wrapping_add(1) as usize;
                    if data.len() != 6 + 6 * count {
                        return Err(Stop::Fails);
                    }
                    for col in (u32::from(first)..).take((data.len() - 6) / 6) {
                        self.value(row, col, 0);
                    }
                }
                0x000A => return Ok(()),
                // Formula: its result (unless text, which a String record brings) and its text.
                0x0006 => {
                    let (row, col) = at(20)?;
                    formula_at = (row, col);
                    match &data[6..14] {
                        [0x00, .., 0xFF, 0xFF] => {}
                        [0x01 | 0x03, .., 0xFF, 0xFF] => self.value(row, col.into(), 0),
                        [0x02, _, e, .., 0xFF, 0xFF] if is_error_code(*e) => {
                            self.value(row, col.into(), 0)
                        }
                        [_, .., 0xFF, 0xFF] => return Err(Stop::Fails),
                        _ => self.value(row, col.into(), 0),
                    }
                    let tokens = (data.len() - 20) as u64;
                    self.formula(row, col, tokens * per_token_byte + 256);
                }
                _ => {}
            }
        }
    }

    /// A Dimensions record's area, computed as calamine computes it (in 32 bits, wrapping).
    fn declared_area(&self, data: &[u8]) -> Result<(), Stop> {
        let (first_row, last_row, mut first_col, last_col) = match data.len() {
            10 => (
                u32::from(u16_at(data, 0).ok_or(Stop::Fails)?),
                u32::from(u16_at(data, 2).ok_or(Stop::Fails)?),
                u32::from(u16_at(data, 4).ok_or(Stop::Fails)?),
                u32::from(u16_at(data, 6).ok_or(Stop::Fails)?),
            ),
            14 | 16 => (
                u32_at(data, 0).ok_or(Stop::Fails)?,
                u32_at(data, 4).ok_or(Stop::Fails)?,
                u32::from(u16_at(data, 8).ok_or(Stop::Fails)?),
                u32::from(u16_at(data, 10).ok_or(Stop::Fails)?),
            ),
            _ => return Err(Stop::Fails),
        };
        if first_col > 0xFF || last_col < first_col {
            first_col = 0;
        }
        let (end_row, end_col) = if last_row >= 1 && last_col >= 1 {
            (last_row - 1, last_col - 1)
        } else {
            (first_row, first_col)
        };
        let rows = u64::from(end_row.wrapping_sub(first_row).wrapping_add(1));
        let columns = u64::from(end_col.wrapping_sub(first_col).wrapping_add(1));
        if rows * columns > MAX_CELLS {
            let sheet = self.name.to_string();
            return Err(Exceeded::DeclaredArea {
                sheet,
                rows,
                columns,
            }
            .into());
        }
        Ok(())
    }

    fn lay_out(&self, values: &mut Budget, formulas: &mut Budget) -> Result<(), Exceeded> {
        if let Some(area) = &self.values {
            values.lay_out_cells(self.name, area.cells().max(self.listed), area)?;
        }
        values.hold_text(Some(self.name), self.value_text)?;
        if let Some(area) = &self.formulas {
            formulas.lay_out(self.name, area)?;
        }
        formulas.hold_text(Some(self.name), self.formula_text)?;
        Ok(())
    }
}
