//! Exporters: a [`crate::model::ConferenceData`] (or an agenda) out as iCalendar or frab XML/JSON.
