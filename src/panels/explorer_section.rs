//! The explorer's cross-section: the curved Earth to scale with a labelled vertical exaggeration, the radar at
//! its height, its horizon rays traced through the atmosphere and for k = 1, 4/3 and the user's k, the region hidden below the user's ray, the
//! missile's altitude profile (at its distance from the radar), the missile now, the moment it rises into
//! view, and the target the distance and altitude sliders place. Plain SVG: the Earth must curve to scale.

use crate::explorer::formula::k_text;
use crate::explorer::profile::SeenPoint;
use crate::explorer::rays::grazing_ray_km;
use crate::explorer::section::Section;
use leptos::prelude::*;
use picture_sim::sensors::Refraction;

pub const W: f64 = 900.0;
pub const H: f64 = 380.0;

/// What the cross-section draws.
///
/// # Units
/// Metres for the radar height, km elsewhere.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionInput {
    pub radar: String,
    pub radar_h_m: f64,
    pub refraction: Refraction,
    pub exaggeration: Option<f64>,
    pub path: Vec<SeenPoint>,
    pub now: Option<SeenPoint>,
    pub rise: Option<SeenPoint>,
    pub target_alt_km: f64,
    pub distance_km: f64,
    pub target_visible: bool,
}

/// A horizon ray as drawn: its CSS class, its label and its (ground km, height km) points.
struct Ray {
    class: &'static str,
    label: String,
    points: Vec<(f64, f64)>,
    /// Drawn for the user's k (the hidden region is the one below it).
    users: bool,
}

/// A ray for each refraction: traced, k = 1 and 4/3 always, the user's k when it is none of them.
fn rays(input: &SectionInput, max_ground_km: f64, max_alt_km: f64) -> Vec<Ray> {
    let mut ks = vec![
        (Refraction::Ray, "ray-traced"),
        (Refraction::K(1.0), "ray-k1"),
        (Refraction::K(4.0 / 3.0), "ray-k43"),
    ];
    if let Refraction::K(k) = input.refraction {
        if (k - 1.0).abs() > 1e-9 && (k - 4.0 / 3.0).abs() > 1e-9 {
            ks.push((input.refraction, "ray-user"));
        }
    }
    let same = |a: Refraction, b: Refraction| match (a, b) {
        (Refraction::Ray, Refraction::Ray) => true,
        (Refraction::K(x), Refraction::K(y)) => (x - y).abs() < 1e-9,
        _ => false,
    };
    ks.into_iter()
        .filter_map(|(k, class)| {
            let earth = k.earth().ok()?;
            let pts: Vec<(f64, f64)> = grazing_ray_km(&earth, input.radar_h_m, max_ground_km, 240)
                .into_iter()
                .take_while(|p| p.1 <= max_alt_km * 1.6)
                .collect();
            Some(Ray {
                class,
                users: same(k, input.refraction),
                label: match k {
                    Refraction::Ray => "traced".to_string(),
                    Refraction::K(k) => format!("k = {}", k_text(k)),
                },
                points: pts,
            })
        })
        .collect()
}

/// The cross-section for one set of inputs.
#[component]
pub fn CrossSection(
    /// The scene to draw.
    #[prop(into)]
    input: Signal<SectionInput>,
) -> impl IntoView {
    let drawing = move || {
        let input = input.get();
        let max_ground_km = input
            .path
            .iter()
            .map(|p| p.ground_km)
            .chain([input.distance_km, 50.0])
            .fold(0.0, f64::max)
            * 1.04;
        let max_alt_km = input
            .path
            .iter()
            .map(|p| p.alt_km)
            .chain([input.target_alt_km, input.radar_h_m / 1000.0, 1.0])
            .fold(0.0, f64::max);
        let frame = [
            (0.0, max_alt_km),
            (0.0, 0.0),
            (max_ground_km, 0.0),
            (max_ground_km * 0.5, max_alt_km),
        ];
        let v = Section::fit(&frame, W, H, input.exaggeration);
        let ground: Vec<(f64, f64)> = (0..=120)
            .map(|i| (max_ground_km * i as f64 / 120.0, 0.0))
            .collect();
        let earth_fill = format!(
            "{} L{:.1} {:.1} L{:.1} {:.1} Z",
            v.path(&ground),
            v.to_px(max_ground_km, 0.0).x,
            H,
            v.to_px(0.0, 0.0).x,
            H
        );
        let rays = rays(&input, max_ground_km, max_alt_km);
        // Hidden from the radar: below the user's ray beyond its tangent point.
        let user = rays
            .iter()
            .find(|r| r.users)
            .map(|r| r.points.clone())
            .unwrap_or_default();
        let tangent = user
            .iter()
            .enumerate()
            .min_by(|a, b| a.1 .1.total_cmp(&b.1 .1))
            .map(|(i, _)| i)
            .unwrap_or(0);
        let hidden = if user.len() > tangent + 1 {
            let mut pts = user[tangent..].to_vec();
            let last = pts.last().map(|p| p.0).unwrap_or(max_ground_km);
            pts.push((last, 0.0));
            pts.push((pts[0].0, 0.0));
            format!("{} Z", v.path(&pts))
        } else {
            String::new()
        };
        let radar_base = v.to_px(0.0, 0.0);
        let radar_top = v.to_px(0.0, input.radar_h_m / 1000.0);
        let missile: Vec<(f64, f64)> = input.path.iter().map(|p| (p.ground_km, p.alt_km)).collect();
        let target = v.to_px(input.distance_km, input.target_alt_km);
        view! {
            <path class="earth" d=earth_fill></path>
            <path class="hidden-zone" d=hidden></path>
            {v.ground_ticks(max_ground_km).into_iter().map(|(p, label)| view! {
                <g class="tick">
                    <line x1=p.x y1=p.y x2=p.x y2=p.y + 6.0></line>
                    <text x=p.x y=p.y + 18.0 text-anchor="middle">{label}</text>
                </g>
            }).collect_view()}
            {v.height_ticks(max_alt_km).into_iter().map(|(y, label)| view! {
                <g class="tick">
                    <line x1=radar_base.x - 6.0 y1=y x2=radar_base.x y2=y></line>
                    <text x=radar_base.x - 9.0 y=y + 4.0 text-anchor="end">{label}</text>
                </g>
            }).collect_view()}
            {rays.into_iter().map(|Ray { class, label, points: pts, .. }| {
                let end = pts.last().map(|&(s, a)| v.to_px(s, a));
                view! {
                    <path class=format!("ray {class}") d=v.path(&pts)></path>
                    {end.map(|p| view! {
                        <text class=format!("ray-label {class}") x=p.x.min(W - 4.0) y=(p.y - 4.0).max(12.0) text-anchor="end">{label}</text>
                    })}
                }
            }).collect_view()}
            <path class="missile-path" d=v.path(&missile)></path>
            <line class="radar-mast" x1=radar_base.x y1=radar_base.y x2=radar_top.x y2=radar_top.y - 6.0></line>
            <circle class="radar" cx=radar_top.x cy=radar_top.y r="5"></circle>
            <text class="radar-label" x=radar_top.x + 8.0 y=radar_top.y - 8.0>{input.radar.clone()}</text>
            <circle class=if input.target_visible { "target visible" } else { "target hidden" }
                cx=target.x cy=target.y r="6" data-visible=input.target_visible.to_string()></circle>
            {input.now.map(|p| {
                let q = v.to_px(p.ground_km, p.alt_km);
                view! { <circle class="missile-now" cx=q.x cy=q.y r="5"></circle> }
            })}
            {input.rise.map(|p| {
                let q = v.to_px(p.ground_km, p.alt_km);
                view! {
                    <g class="rise-mark">
                        <circle cx=q.x cy=q.y r="7"></circle>
                        <text x=q.x + 10.0 y=q.y - 10.0>{format!("In view T+{:.0} s, {:.0} km", p.t_s, p.alt_km)}</text>
                    </g>
                }
            })}
            <text class="scale-note" x=W - 8.0 y="16" text-anchor="end" data-exaggeration=v.exaggeration>
                {v.scale_label()}
            </text>
            {v.cut_note().map(|note| view! {
                <text class="cut-note" x=W - 8.0 y="32" text-anchor="end">{note}</text>
            })}
        }
    };
    view! {
        <svg class="explorer-section" viewBox=format!("0 0 {W} {H}") role="img"
            aria-label="Cross-section: the radar, its horizon rays and the missile over the curved Earth">
            {drawing}
        </svg>
    }
}
