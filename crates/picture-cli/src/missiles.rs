//! `picture missiles`: the missile catalog.

use std::fmt::Write;

use clap::Args;
use picture_sim::flight::catalog;

#[derive(Args)]
pub struct MissilesArgs {
    /// Print one JSON array instead of a table.
    #[arg(long)]
    json: bool,
}

pub fn run(args: &MissilesArgs) -> Result<String, String> {
    let all = catalog::all();
    let mut out = String::new();
    if args.json {
        let text = serde_json::to_string_pretty(all)
            .map_err(|e| format!("cannot write the catalog as JSON: {e}"))?;
        return Ok(text + "\n");
    }
    let _ = writeln!(
        out,
        "{:<12} {:<32} {:>6} {:>12} {:>11} {:>10}",
        "id", "name", "stages", "launch_kg", "payload_kg", "ideal_dv"
    );
    for v in all {
        let _ = writeln!(
            out,
            "{:<12} {:<32} {:>6} {:>12.0} {:>11.0} {:>8.0} m/s",
            v.id,
            v.name,
            v.stages.len(),
            v.launch_mass_kg(),
            v.payload.mass_kg,
            v.ideal_delta_v_m_s()
        );
    }
    Ok(out)
}
