//! The theatre's map data (Natural Earth land and country borders, `assets/map/theatre.bin`, made by
//! `tools/mapdata/make_theatre.mjs`): decoding the compact binary format into rings of (lon, lat) degrees.

/// The asset, compiled into the app so the map draws with the first frame and costs no extra request.
pub const THEATRE_BIN: &[u8] = include_bytes!("../../assets/map/theatre.bin");

/// Quantisation of the asset: units per degree.
const Q: f64 = 500.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayerKind {
    /// Closed rings (islands, continents, lakes), filled with the even-odd rule.
    Land,
    /// Open polylines: land borders between countries.
    Borders,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Layer {
    pub kind: LayerKind,
    /// Each ring or line as (lon_deg, lat_deg) points.
    pub rings: Vec<Vec<(f64, f64)>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GeodataError {
    BadMagic,
    Truncated { at_byte: usize },
    UnknownLayer { kind: u8 },
}

impl std::fmt::Display for GeodataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GeodataError::BadMagic => write!(f, "map data: not a theatre map file (bad magic)"),
            GeodataError::Truncated { at_byte } => {
                write!(f, "map data: truncated at byte {at_byte}")
            }
            GeodataError::UnknownLayer { kind } => write!(f, "map data: unknown layer kind {kind}"),
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, GeodataError> {
        let b = *self
            .bytes
            .get(self.at)
            .ok_or(GeodataError::Truncated { at_byte: self.at })?;
        self.at += 1;
        Ok(b)
    }

    fn varint(&mut self) -> Result<u64, GeodataError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(GeodataError::Truncated { at_byte: self.at })
    }

    fn zigzag(&mut self) -> Result<i64, GeodataError> {
        let v = self.varint()?;
        Ok((v >> 1) as i64 ^ -((v & 1) as i64))
    }
}

/// Decodes the map file format described in `tools/mapdata/make_theatre.mjs`: the counts first, then every
/// longitude, then every latitude.
pub fn decode(bytes: &[u8]) -> Result<Vec<Layer>, GeodataError> {
    if bytes.get(..4) != Some(b"SPM2".as_slice()) {
        return Err(GeodataError::BadMagic);
    }
    let mut r = Reader { bytes, at: 4 };
    let layer_count = r.byte()?;
    // (kind, point count of each ring)
    let mut shapes = Vec::with_capacity(layer_count as usize);
    let mut points = 0usize;
    for _ in 0..layer_count {
        let kind = match r.byte()? {
            0 => LayerKind::Land,
            1 => LayerKind::Borders,
            kind => return Err(GeodataError::UnknownLayer { kind }),
        };
        let ring_count = r.varint()? as usize;
        // Counts come from the file: cap the reservation so a corrupt count cannot exhaust memory.
        let mut counts = Vec::with_capacity(ring_count.min(4096));
        for _ in 0..ring_count {
            let n = r.varint()? as usize;
            // Each point takes at least two bytes: a count beyond what is left is corrupt, not a reason to
            // loop for ever.
            points = points.saturating_add(n);
            if points > bytes.len() {
                return Err(GeodataError::Truncated { at_byte: r.at });
            }
            counts.push(n);
        }
        shapes.push((kind, counts));
    }
    let mut lons = Vec::with_capacity(points);
    for _ in 0..points {
        lons.push(r.zigzag()?);
    }
    let mut lons = lons.into_iter();
    let mut layers = Vec::with_capacity(shapes.len());
    for (kind, counts) in shapes {
        let mut rings = Vec::with_capacity(counts.len());
        for n in counts {
            let mut ring = Vec::with_capacity(n);
            let (mut x, mut y) = (0i64, 0i64);
            for dx in lons.by_ref().take(n) {
                x += dx;
                y += r.zigzag()?;
                ring.push((x as f64 / Q, y as f64 / Q));
            }
            rings.push(ring);
        }
        layers.push(Layer { kind, rings });
    }
    Ok(layers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_asset_decodes_and_covers_the_theatre() {
        let layers = decode(THEATRE_BIN).expect("asset decodes");
        let land = layers
            .iter()
            .find(|l| l.kind == LayerKind::Land)
            .expect("land layer");
        let borders = layers
            .iter()
            .find(|l| l.kind == LayerKind::Borders)
            .expect("borders layer");
        assert!(land.rings.len() > 100, "{} land rings", land.rings.len());
        assert!(!borders.rings.is_empty());
        let all = land.rings.iter().chain(&borders.rings).flatten();
        assert!(all
            .clone()
            .all(|&(lon, lat)| (88.0..=180.0).contains(&lon) && (8.0..=62.0).contains(&lat)));
        // Land under Seoul, Tokyo and Sapporo: some ring's bounding box holds each.
        for (lon, lat) in [(126.98, 37.57), (139.65, 35.68), (141.35, 43.06)] {
            assert!(
                land.rings.iter().any(|r| point_in_ring(r, lon, lat)),
                "no land at {lon} {lat}"
            );
        }
        // No land in the Sea of Japan at 39 N 134 E.
        assert!(!land.rings.iter().any(|r| point_in_ring(r, 134.0, 39.0)));
    }

    fn point_in_ring(ring: &[(f64, f64)], x: f64, y: f64) -> bool {
        let mut inside = false;
        let mut j = ring.len() - 1;
        for i in 0..ring.len() {
            let (xi, yi) = ring[i];
            let (xj, yj) = ring[j];
            if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
                inside = !inside;
            }
            j = i;
        }
        inside
    }

    #[test]
    fn corrupt_data_is_an_error_not_a_panic() {
        assert_eq!(decode(b"XXXX"), Err(GeodataError::BadMagic));
        assert!(matches!(
            decode(b"SPM2"),
            Err(GeodataError::Truncated { .. })
        ));
        assert!(matches!(
            decode(&THEATRE_BIN[..THEATRE_BIN.len() / 2]),
            Err(GeodataError::Truncated { .. })
        ));
        assert_eq!(
            decode(b"SPM2\x01\x07"),
            Err(GeodataError::UnknownLayer { kind: 7 })
        );
        // A ring of 2^28 points in a file of 12 bytes: refused before any point is read.
        assert!(matches!(
            decode(b"SPM2\x01\x00\x01\xff\xff\xff\x7f\x00\x00\x00"),
            Err(GeodataError::Truncated { .. })
        ));
        // The old interleaved format is not read as the new one.
        assert_eq!(decode(b"SPM1\x02"), Err(GeodataError::BadMagic));
    }

    #[test]
    fn the_asset_keeps_its_detail() {
        // Points and rings as the generator printed them (tools/mapdata/make_theatre.mjs): a change of the
        // asset that loses coastline shows here.
        let layers = decode(THEATRE_BIN).unwrap();
        let count = |k: LayerKind| {
            let l = layers.iter().find(|l| l.kind == k).unwrap();
            (l.rings.len(), l.rings.iter().map(Vec::len).sum::<usize>())
        };
        assert_eq!(count(LayerKind::Land), (470, 25_772));
        assert_eq!(count(LayerKind::Borders), (16, 5_416));
    }
}
