//! Side panels: the launch editor, the flight's figures, the side view.

pub mod analysis_status;
pub mod chart_table;
pub mod explorer;
pub mod explorer_choice;
pub mod explorer_section;
pub mod explorer_walk;
pub mod export;
pub mod flight_chart;
pub mod flight_facts;
pub mod launch_editor;
pub mod picture_log;
pub mod pictures;
pub mod scenario_editor;
pub mod sensors;
pub mod side_view;
pub mod sources;
pub mod tour;
