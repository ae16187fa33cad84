//! The launch editor: site, missile, shape, apogee, and the aim (a point clicked on the map, or an azimuth
//! and range). Every change re-flies the launch at once; a field that is not a number keeps its last good
//! value and says why.

use crate::present::launch_form::{parse_field, AimForm, ShapeChoice};
use crate::state::AppState;
use leptos::prelude::*;
use picture_sim::flight::catalog;
use picture_sim::sites;

#[component]
pub fn LaunchEditor() -> impl IntoView {
    let app = AppState::get();
    let form = app.scenario.form;
    let field_error = RwSignal::new(None::<String>);
    // Applies a typed number to the form, or shows which field is wrong.
    let number =
        move |field: &'static str, apply: fn(&mut crate::present::launch_form::LaunchForm, f64)| {
            move |ev: leptos::ev::Event| match parse_field(field, &event_target_value(&ev)) {
                Ok(v) => {
                    field_error.set(None);
                    app.scenario.edit_form(|f| apply(f, v));
                    app.clock.rewind();
                }
                Err(e) => field_error.set(Some(e)),
            }
        };
    let aim_is_point = move || form.with(|f| matches!(f.aim, AimForm::Point { .. }));
    let aim_values = move || {
        form.with(|f| match f.aim {
            AimForm::Point { lat_deg, lon_deg } => (lat_deg, lon_deg),
            AimForm::AzimuthRange {
                azimuth_deg,
                range_km,
            } => (azimuth_deg, range_km),
        })
    };
    let flight_error = move || app.analysis.flight.with(|f| f.as_ref().err().cloned());

    view! {
        <section class="panel launch-editor" aria-labelledby="launch-editor-title">
            <h2 id="launch-editor-title">"Launch"</h2>
            <label>"Launch site"
                <select name="site" on:change=move |ev| { let v = event_target_value(&ev); app.scenario.edit_form(|f| f.site = v); app.clock.rewind(); }>
                    {sites::all().iter().map(|s| view! {
                        <option value=s.name selected=move || form.with(|f| f.site == s.name)>{s.name}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>"Missile"
                <select name="missile" on:change=move |ev| { let v = event_target_value(&ev); app.scenario.edit_form(|f| f.missile = v); app.clock.rewind(); }>
                    {catalog::all().iter().map(|m| view! {
                        <option value=m.id selected=move || form.with(|f| f.missile == m.id)>{m.name}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>"Trajectory"
                <select name="shape" on:change=move |ev| {
                    if let Some(s) = ShapeChoice::from_id(&event_target_value(&ev)) { app.scenario.edit_form(|f| { f.apogee_km = s.apogee_for(f.apogee_km); f.shape = s; }); app.clock.rewind(); }
                }>
                    {ShapeChoice::ALL.into_iter().map(|s| view! {
                        <option value=s.id() selected=move || form.with(|f| f.shape == s)>{s.label()}</option>
                    }).collect_view()}
                </select>
            </label>
            <Show when=move || form.with(|f| f.shape.uses_apogee())>
                <label>"Apogee (km)"
                    <input name="apogee-km" type="number" min="1" step="any" inputmode="decimal"
                        prop:value=move || form.with(|f| f.apogee_km.to_string())
                        on:change=number("Apogee", |f, v| f.apogee_km = v)/>
                </label>
            </Show>
            <fieldset class="aim">
                <legend>"Aim"</legend>
                <label class="inline"><input type="radio" name="aim-mode" value="point" prop:checked=aim_is_point
                    on:change=move |_| app.scenario.edit_form(|f| if let Some(p) = aim_point(f) { f.aim = p })/>"Point (click the map)"</label>
                <label class="inline"><input type="radio" name="aim-mode" value="azimuth" prop:checked=move || !aim_is_point()
                    on:change=move |_| app.scenario.edit_form(|f| if let Some(a) = aim_azimuth(f) { f.aim = a })/>"Azimuth and range"</label>
                <Show when=aim_is_point fallback=move || view! {
                    <div class="pair">
                        <label>"Azimuth (°)"<input name="azimuth-deg" type="number" step="any" prop:value=move || format!("{:.1}", aim_values().0)
                            on:change=number("Azimuth", |f, v| if let AimForm::AzimuthRange { azimuth_deg, .. } = &mut f.aim { *azimuth_deg = v })/></label>
                        <label>"Range (km)"<input name="range-km" type="number" min="1" step="any" prop:value=move || format!("{:.0}", aim_values().1)
                            on:change=number("Range", |f, v| if let AimForm::AzimuthRange { range_km, .. } = &mut f.aim { *range_km = v })/></label>
                    </div>
                }>
                    <div class="pair">
                        <label>"Latitude (°)"<input name="aim-lat" type="number" step="any" prop:value=move || format!("{:.3}", aim_values().0)
                            on:change=number("Aim latitude", |f, v| if let AimForm::Point { lat_deg, .. } = &mut f.aim { *lat_deg = v })/></label>
                        <label>"Longitude (°)"<input name="aim-lon" type="number" step="any" prop:value=move || format!("{:.3}", aim_values().1)
                            on:change=number("Aim longitude", |f, v| if let AimForm::Point { lon_deg, .. } = &mut f.aim { *lon_deg = v })/></label>
                    </div>
                </Show>
            </fieldset>
            {move || field_error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            {move || flight_error().map(|e| view! { <p class="flight-error" role="alert">{e}</p> })}
        </section>
    }
}

/// The form's aim as a point: the impact point of the current azimuth and range.
fn aim_point(f: &crate::present::launch_form::LaunchForm) -> Option<AimForm> {
    match f.aim {
        AimForm::Point { .. } => None,
        AimForm::AzimuthRange {
            azimuth_deg,
            range_km,
        } => {
            let site = sites::find(&f.site)?;
            let (lat_deg, lon_deg) = picture_sim::earth::destination(
                site.lat_deg,
                site.lon_deg,
                azimuth_deg,
                range_km * 1000.0,
            );
            Some(AimForm::Point { lat_deg, lon_deg })
        }
    }
}

/// The form's aim as an azimuth and range from the site to the current point.
fn aim_azimuth(f: &crate::present::launch_form::LaunchForm) -> Option<AimForm> {
    match f.aim {
        AimForm::AzimuthRange { .. } => None,
        AimForm::Point { lat_deg, lon_deg } => {
            let site = sites::find(&f.site)?;
            let g = picture_sim::earth::inverse(site.lat_deg, site.lon_deg, lat_deg, lon_deg);
            Some(AimForm::AzimuthRange {
                azimuth_deg: g.azimuth_start_deg,
                range_km: g.distance_m / 1000.0,
            })
        }
    }
}
