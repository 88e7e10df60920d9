//! Settings → Sync: the hub's address and this laptop's credentials file, Connect and
//! Disconnect, what the connection is doing, and the organizer's "Publish fair version".

use super::FilePurpose;
use super::command::{Command, Pref, SyncCommand, ViewCtx};
use super::i18n::{Tr, tr};
use crate::app::live_sync::{LinkState, SyncStatus};

pub const SYNC: Tr = tr("Live sync", "实时同步");
const HELP: Tr = tr(
    "Connect to the fair's hub to see other stations' check-ins and visits as they happen. Offline is fine: desks keep working and what they record is sent on reconnect.",
    "连接招聘会的同步中心，即时看到其他工位的签到和到访。断网也无妨：各工位照常工作，重新连接后自动补发。",
);
const SERVER: Tr = tr("Hub address", "同步中心地址");
const CREDS: Tr = tr("Credentials file", "凭据文件");
const BROWSE: Tr = tr("Browse…", "浏览…");
const CONNECT: Tr = tr("Connect", "连接");
const DISCONNECT: Tr = tr("Disconnect", "断开");
const PUBLISH: Tr = tr("Publish fair version to stations", "向各工位发布新版本");
const PUBLISH_HELP: Tr = tr(
    "Stations are offered the booths, positions and registrations as they are now; they keep their own events.",
    "各工位将收到当前的展位、岗位和报名信息；其自身记录保留不变。",
);
const TAKE: Tr = tr("Take it", "采用");
const STATE: Tr = tr(
    "Sync: {state} · {waiting} waiting · last {last}",
    "同步：{state} · 待发送 {waiting} · 最近 {last}",
);
const CONNECTING: Tr = tr("connecting…", "连接中…");
const CONNECTED: Tr = tr("connected", "已连接");
const OFFLINE: Tr = tr("offline", "离线");
const REFUSED: Tr = tr("refused", "被拒绝");
const RECEIVED: Tr = tr(
    "{count} events from other stations merged since connecting",
    "连接以来已合并其他工位的记录 {count} 条",
);
const OFFERED: Tr = tr("New fair version from the organizer", "组织方发布了新版本");

/// The connection in a few words, for the status bar and Settings.
pub fn state_text(cx: &ViewCtx, status: &SyncStatus) -> String {
    let state = match &status.state {
        LinkState::Connecting => CONNECTING,
        LinkState::Connected => CONNECTED,
        LinkState::Offline(_) => OFFLINE,
        LinkState::Refused(_) => REFUSED,
    };
    let last = status
        .last_sync
        .map(|t| t.format("%H:%M:%S").to_string())
        .unwrap_or_else(|| "—".into());
    STATE.fill(
        cx.lang(),
        &[("state", &cx.t(state)), ("waiting", &status.waiting), ("last", &last)],
    )
}

/// Why the link is down, when it says.
fn reason(status: &SyncStatus) -> Option<&str> {
    match &status.state {
        LinkState::Offline(why) | LinkState::Refused(why) => Some(why),
        _ => None,
    }
}

pub fn body(ui: &mut egui::Ui, cx: &mut ViewCtx) {
    ui.weak(cx.t(HELP));
    let prefs = cx.app.prefs();
    let mut server = prefs.sync_server.clone();
    let mut creds = prefs.sync_creds.clone();
    egui::Grid::new("sync_grid")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let label = ui.label(cx.t(SERVER));
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut server)
                        .desired_width(320.0)
                        .hint_text("nats://192.168.1.10:4222"),
                )
                .labelled_by(label.id);
            if response.changed() {
                cx.push(Command::Pref(Pref::SyncServer(server.clone())));
            }
            ui.end_row();
            let label = ui.label(cx.t(CREDS));
            ui.horizontal(|ui| {
                let response = ui
                    .add(
                        egui::TextEdit::singleline(&mut creds)
                            .desired_width(320.0)
                            .hint_text("entrance-1.creds"),
                    )
                    .labelled_by(label.id);
                if response.changed() {
                    cx.push(Command::Pref(Pref::SyncCreds(creds.clone())));
                }
                if ui.button(cx.t(BROWSE)).clicked() {
                    cx.push(Command::PickFile(FilePurpose::SyncCredentials));
                }
            });
            ui.end_row();
        });
    let status = cx.app.sync_status();
    ui.horizontal(|ui| match &status {
        None => {
            let ready = !creds.trim().is_empty();
            if ui.add_enabled(ready, egui::Button::new(cx.t(CONNECT))).clicked() {
                cx.push(Command::Sync(SyncCommand::Connect));
            }
        }
        Some(status) => {
            if ui.button(cx.t(DISCONNECT)).clicked() {
                cx.push(Command::Sync(SyncCommand::Disconnect));
            }
            ui.label(format!("{} ({})", state_text(cx, status), status.station));
        }
    });
    let Some(status) = status else { return };
    if let Some(why) = reason(&status) {
        ui.colored_label(ui.visuals().warn_fg_color, why);
    }
    ui.label(RECEIVED.fill(cx.lang(), &[("count", &status.received)]));
    if status.organizer {
        ui.horizontal(|ui| {
            if ui.button(cx.t(PUBLISH)).clicked() {
                cx.push(Command::Sync(SyncCommand::PublishFair));
            }
            if let Some(version) = &status.published {
                ui.weak(format!("{} · {} KB", version.published, version.size / 1024));
            }
        });
        ui.weak(cx.t(PUBLISH_HELP));
    }
}

/// The status bar's part: the connection, what waits, and a newer fair version to take.
pub fn status_item(ui: &mut egui::Ui, cx: &mut ViewCtx) {
    let Some(status) = cx.app.sync_status() else { return };
    ui.separator();
    let color = match status.state {
        LinkState::Connected => ui.visuals().text_color(),
        _ => ui.visuals().warn_fg_color,
    };
    let response = ui.colored_label(color, state_text(cx, &status));
    if let Some(why) = reason(&status) {
        response.on_hover_text(why);
    }
    if status.offered.is_some() {
        ui.label(cx.t(OFFERED));
        if ui.small_button(cx.t(TAKE)).clicked() {
            cx.push(Command::Sync(SyncCommand::TakeFair));
        }
    }
}
