//! Reading input under a cap that the read itself enforces. A file's reported size cannot be
//! trusted: `/dev/zero` and FIFOs report 0, and a file can grow between the size check and the
//! read. An HTTP body's `Content-Length` is a claim, not a promise. So every byte stream is read
//! through `take(limit + 1)`: one byte past the cap proves the input too large without reading
//! the rest.

use std::io::{self, Read};

/// Reads `reader` to its end, or stops once more than `limit` bytes have arrived, in which case
/// it returns `Ok(None)` having read exactly `limit + 1` bytes. `size_hint` (the file's reported
/// size, or 0) only sizes the first allocation; it is clamped to the cap so a lying hint cannot
/// make us reserve more than the cap.
pub(crate) fn read_capped(
    reader: impl Read,
    limit: u64,
    size_hint: u64,
) -> io::Result<Option<Vec<u8>>> {
    let capacity = size_hint.min(limit).saturating_add(1);
    let mut bytes = Vec::with_capacity(usize::try_from(capacity).unwrap_or(0));
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Ok(None);
    }
    Ok(Some(bytes))
}

#[cfg(test)]
mod tests {
    use super::read_capped;

    #[test]
    fn stops_one_byte_past_the_cap() {
        let mut source = std::io::repeat(7);
        let over = read_capped(&mut source, 10, 0).expect("read");
        assert!(over.is_none(), "an endless source is over any cap");
        let exact = read_capped(&[1u8; 10][..], 10, 10).expect("read");
        assert_eq!(
            exact.map(|b| b.len()),
            Some(10),
            "exactly the cap is allowed"
        );
        let lying_hint = read_capped(&[1u8; 3][..], 10, u64::MAX).expect("read");
        assert_eq!(
            lying_hint.map(|b| b.len()),
            Some(3),
            "the hint only sizes the buffer"
        );
    }
}
