//! `picture study SCENARIO.json --runs N`: how much each warning-time figure could move, sampled over every
//! uncertain input (`picture_sim::study`), on every core, with a progress bar on a terminal.
//! `--shard K/N` runs one slice and writes its record; `picture study merge` combines the slices' records.

use clap::{Args, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use picture_sim::study::record::{merge, shard, StudyRecord};
use picture_sim::study::summary::{Spread, Summary};
use picture_sim::study::{Guidance, Sampling, Study, StudySettings, Uncertainties};
use picture_sim::tracking::metrics::Event;
use rayon::prelude::*;
use std::fmt::Write as _;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Instant;

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct StudyArgs {
    #[command(subcommand)]
    command: Option<StudyCommand>,
    #[command(flatten)]
    run: RunStudy,
}

#[derive(Debug, Subcommand)]
enum StudyCommand {
    /// Combine the records of a study's slices (`--shard K/N --record FILE`) into the whole study.
    Merge(MergeArgs),
}

#[derive(Debug, Args)]
struct RunStudy {
    /// The scenario file (JSON).
    #[arg(required = true)]
    scenario: Option<PathBuf>,
    /// How many samples (1 to 100,000).
    #[arg(long, default_value_t = 1000)]
    runs: usize,
    /// Seed of the draws; the scenario's seed when absent.
    #[arg(long)]
    seed: Option<u64>,
    /// How the samples are drawn.
    #[arg(long, value_enum, default_value_t = SamplingArg::Lhs)]
    sampling: SamplingArg,
    /// Fly every sample's missile with the nominal missile's program (an unguided cut-off: the impact points
    /// scatter) instead of solving it to the aim.
    #[arg(long)]
    nominal_program: bool,
    /// A file of bounds replacing the defaults (`picture study uncertainties` shape: the JSON of
    /// `--print-uncertainties`).
    #[arg(long)]
    uncertainties: Option<PathBuf>,
    /// Print the default bounds as JSON (a starting point for `--uncertainties`) and stop.
    #[arg(long, exclusive = true)]
    print_uncertainties: bool,
    /// Run slice K of N only (1-based), for an array job; write its record with `--record`.
    #[arg(long, value_name = "K/N")]
    shard: Option<String>,
    #[command(flatten)]
    out: Output,
}

#[derive(Debug, Args)]
struct MergeArgs {
    /// The slices' record files.
    #[arg(required = true)]
    records: Vec<PathBuf>,
    #[command(flatten)]
    out: Output,
}

#[derive(Debug, Args)]
struct Output {
    /// Print the summary as JSON.
    #[arg(long)]
    json: bool,
    /// Write the samples with what was studied (the input of `picture study merge`).
    #[arg(long)]
    record: Option<PathBuf>,
    /// Write one CSV row per sample.
    #[arg(long)]
    csv: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum SamplingArg {
    /// Latin hypercube.
    Lhs,
    /// Plain Monte Carlo.
    Mc,
}

/// The largest file read (a scenario, bounds or a record of 100,000 samples).
const FILE_MAX_BYTES: u64 = 512 * 1024 * 1024;

fn read(path: &Path) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if meta.len() > FILE_MAX_BYTES {
        return Err(format!(
            "{}: {} bytes; at most {FILE_MAX_BYTES} are read",
            path.display(),
            meta.len()
        ));
    }
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn run(args: &StudyArgs) -> Result<String, String> {
    match &args.command {
        Some(StudyCommand::Merge(m)) => run_merge(m),
        None => run_study(&args.run),
    }
}

fn run_study(args: &RunStudy) -> Result<String, String> {
    if args.print_uncertainties {
        return serde_json::to_string_pretty(&Uncertainties::default())
            .map(|s| s + "\n")
            .map_err(|e| e.to_string());
    }
    let path = args.scenario.as_ref().ok_or("a scenario file is needed")?;
    let scenario =
        crate::run::parse(&read(path)?).map_err(|e| format!("{}: {e}", path.display()))?;
    let uncertainties = match &args.uncertainties {
        Some(p) => {
            Uncertainties::from_json(&read(p)?).map_err(|e| format!("{}: {e}", p.display()))?
        }
        None => Uncertainties::default(),
    };
    let settings = StudySettings {
        runs: args.runs,
        seed: args.seed.unwrap_or(scenario.seed),
        guidance: if args.nominal_program {
            Guidance::NominalProgram
        } else {
            Guidance::Aimed
        },
        sampling: match args.sampling {
            SamplingArg::Lhs => Sampling::LatinHypercube,
            SamplingArg::Mc => Sampling::MonteCarlo,
        },
    };
    let range = match &args.shard {
        Some(text) => {
            let (k, n) = parse_shard(text)?;
            shard(k, n, args.runs)?
        }
        None => 0..args.runs,
    };
    let started = Instant::now();
    let study = Study::new(&scenario, &uncertainties, settings).map_err(|e| e.to_string())?;
    let bar = progress(range.len() as u64);
    let clock = move || started.elapsed().as_secs_f64();
    let first = range.start;
    let samples: Vec<_> = range
        .into_par_iter()
        .map(|i| {
            let s = study.run_sample(i, &clock);
            bar.inc(1);
            s
        })
        .collect();
    bar.finish_and_clear();
    let wall_s = started.elapsed().as_secs_f64();
    let record = study.record(first, samples);
    finish(&record, &args.out, Some(wall_s))
}

fn run_merge(args: &MergeArgs) -> Result<String, String> {
    let parts = args
        .records
        .iter()
        .map(|p| {
            let text = read(p)?;
            let de = &mut serde_json::Deserializer::from_str(&text);
            let record: StudyRecord = serde_path_to_error::deserialize(de)
                .map_err(|e| format!("{}: {}: {}", p.display(), e.path(), e.inner()))?;
            Ok::<_, String>(record)
        })
        .collect::<Result<Vec<_>, _>>()?;
    let whole = merge(parts).map_err(|e| e.to_string())?;
    finish(&whole, &args.out, None)
}

fn parse_shard(text: &str) -> Result<(usize, usize), String> {
    let bad = || format!("--shard: `{text}` is not K/N (for example 3/10)");
    let (k, n) = text.split_once('/').ok_or_else(bad)?;
    Ok((
        k.trim().parse().map_err(|_| bad())?,
        n.trim().parse().map_err(|_| bad())?,
    ))
}

/// A progress bar on standard error when it is a terminal; nothing otherwise (logs stay clean).
fn progress(len: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        "{bar:40} {pos}/{len} samples, {elapsed} elapsed, about {eta} left",
    ) {
        bar.set_style(style);
    }
    bar
}

fn finish(record: &StudyRecord, out: &Output, wall_s: Option<f64>) -> Result<String, String> {
    if let Some(p) = &out.record {
        let text = serde_json::to_string(record).map_err(|e| e.to_string())?;
        write(p, &text)?;
    }
    if let Some(p) = &out.csv {
        write(p, &csv(record))?;
    }
    let summary = record.summary();
    if out.json {
        return serde_json::to_string_pretty(&summary)
            .map(|s| s + "\n")
            .map_err(|e| e.to_string());
    }
    Ok(table(record, &summary, wall_s))
}

fn spread_s(s: &Spread) -> String {
    match (s.p5, s.median, s.p95) {
        (Some(lo), Some(m), Some(hi)) => {
            let reached = if s.reached < s.samples {
                format!(" ({} of {})", s.reached, s.samples)
            } else {
                String::new()
            };
            format!("{m:.0} [{lo:.0}, {hi:.0}]{reached}")
        }
        _ => "never".into(),
    }
}

fn table(record: &StudyRecord, s: &Summary, wall_s: Option<f64>) -> String {
    let mut out = String::new();
    let slice = if record.is_whole() {
        String::new()
    } else {
        format!(
            " (slice {}..{} of {})",
            record.first,
            record.first + record.samples.len(),
            record.settings.runs
        )
    };
    let _ = writeln!(
        out,
        "{} samples{slice}, {:?}, seed {}; {} could not be flown{}.",
        s.runs,
        record.settings.sampling,
        record.settings.seed,
        s.failed,
        s.first_failure
            .as_ref()
            .map(|e| format!(" (first: {e})"))
            .unwrap_or_default()
    );
    let _ = writeln!(
        out,
        "Warning time left, worst missile, seconds: median [5 %, 95 %] (reached in k of n samples where not all):\n"
    );
    let _ = write!(out, "{:<36}", "picture");
    for e in Event::ALL {
        let _ = write!(out, " {:<26}", e.label());
    }
    let _ = writeln!(out);
    for p in &s.pictures {
        let _ = write!(out, "{:<36}", p.picture);
        for w in &p.warning_left_s {
            let _ = write!(out, " {:<26}", spread_s(w));
        }
        let _ = writeln!(out);
    }
    for g in &s.gains {
        let _ = write!(out, "{:<36}", format!("gain from sharing over {}", g.over));
        for w in &g.gain_s {
            let _ = write!(out, " {:<26}", spread_s(w));
        }
        let _ = writeln!(out);
    }
    let _ = writeln!(out, "\nFlights (median [5 %, 95 %]):");
    for (k, f) in s.flights.iter().enumerate() {
        let km = |x: &Spread| Spread {
            p5: x.p5.map(|v| v / 1000.0),
            median: x.median.map(|v| v / 1000.0),
            p95: x.p95.map(|v| v / 1000.0),
            ..*x
        };
        let _ = write!(
            out,
            "  {} {}: flight time {} s, range {} km, apogee {} km",
            k + 1,
            f.missile,
            spread_s(&f.flight_time_s),
            spread_s(&km(&f.range_m)),
            spread_s(&km(&f.apogee_m))
        );
        if let Some(e) = f.impact {
            let _ = write!(
                out,
                "; impact 95 % ellipse {:.1} x {:.1} km about {:.3} N {:.3} E, major axis {:.0} deg",
                e.semi_major_m / 1000.0,
                e.semi_minor_m / 1000.0,
                e.lat_deg,
                e.lon_deg,
                e.major_azimuth_deg
            );
        }
        let _ = writeln!(out);
    }
    let c = &s.cost;
    let pictures_s: f64 = c.pictures_s.iter().map(|p| p.1).sum();
    let _ = write!(
        out,
        "\nCost per sample (mean, one thread): {:.1} ms in all; flight {:.2} ms, detections {:.2} ms",
        1000.0 * (c.flight_s + c.detection_s + pictures_s),
        1000.0 * c.flight_s,
        1000.0 * c.detection_s
    );
    for (name, t) in &c.pictures_s {
        let _ = write!(out, ", {name} {:.2} ms", 1000.0 * t);
    }
    let _ = writeln!(out, " (tracking and scoring).");
    let _ = writeln!(
        out,
        "Figures digest {:016x} (the same study on the same platform gives the same digest).",
        record.figures_digest()
    );
    if let Some(w) = wall_s {
        let _ = writeln!(
            out,
            "Wall time {w:.2} s on {} threads.",
            rayon::current_num_threads()
        );
    }
    out
}

/// One row per sample: its index and noise seed, each sampled input, each launch's figures, each picture's
/// warning time left and each gain at every event (empty where never reached), and why it failed.
fn csv(record: &StudyRecord) -> String {
    let mut header: Vec<String> = vec!["sample".into(), "detection_seed".into()];
    header.extend(record.quantities.iter().cloned());
    for (k, l) in record.scenario.launches.iter().enumerate() {
        for f in [
            "flight_time_s",
            "range_m",
            "apogee_m",
            "impact_lat_deg",
            "impact_lon_deg",
        ] {
            header.push(format!("launch {} {} {f}", k + 1, l.missile));
        }
    }
    for p in &record.scenario.pictures {
        for e in Event::ALL {
            header.push(format!("{} warning left s at {}", p.name, e.label()));
        }
    }
    let overs: Vec<String> = record
        .samples
        .iter()
        .find_map(|s| s.figures.as_ref())
        .map(|f| f.gains.iter().map(|g| g.over.clone()).collect())
        .unwrap_or_default();
    for o in &overs {
        for e in Event::ALL {
            header.push(format!("gain from sharing s over {o} at {}", e.label()));
        }
    }
    header.push("error".into());
    let mut out = header.iter().map(|h| cell(h)).collect::<Vec<_>>().join(",") + "\n";
    let opt = |v: Option<f64>| v.map(|x| format!("{x}")).unwrap_or_default();
    for s in &record.samples {
        let mut row: Vec<String> = vec![s.index.to_string(), s.detection_seed.to_string()];
        row.extend(s.inputs.iter().map(|x| format!("{x}")));
        match &s.figures {
            Some(f) => {
                for fl in &f.flights {
                    row.extend(
                        [
                            fl.flight_time_s,
                            fl.range_m,
                            fl.apogee_m,
                            fl.impact_lat_deg,
                            fl.impact_lon_deg,
                        ]
                        .map(|x| format!("{x}")),
                    );
                }
                for w in &f.warning_left_s {
                    row.extend(w.iter().map(|x| opt(*x)));
                }
                for o in &overs {
                    let g = f.gains.iter().find(|g| &g.over == o);
                    row.extend((0..4).map(|i| opt(g.and_then(|g| g.gain_s[i]))));
                }
                row.push(String::new());
            }
            None => {
                let blanks = 5 * record.scenario.launches.len()
                    + 4 * record.scenario.pictures.len()
                    + 4 * overs.len();
                row.extend(std::iter::repeat_n(String::new(), blanks));
                row.push(cell(s.error.as_deref().unwrap_or("")));
            }
        }
        out += &row.join(",");
        out.push('\n');
    }
    out
}

/// A CSV cell: quoted when it holds a separator or a quote, and never read as a formula by a spreadsheet
/// (picture and sensor names come from files).
fn cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}
