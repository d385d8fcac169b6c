//! `broadsheet-index CONTENT_DIR [--check]`: validates the authored files of a static-schema
//! content folder and writes its generated files (list pages, tags, search index). With `--check`
//! it writes nothing and fails when a generated file is missing or out of date.

use broadsheet_core::model::{Author, Category};
use broadsheet_core::sources::static_json::{decode_article, decode_authors, decode_categories, decode_comments};
use broadsheet_core::static_index::{build, Authored};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::{fs, io};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dir, check) = match args.as_slice() {
        [dir] => (PathBuf::from(dir), false),
        [dir, flag] if flag == "--check" => (PathBuf::from(dir), true),
        _ => {
            eprintln!("usage: broadsheet-index CONTENT_DIR [--check]");
            return ExitCode::from(2);
        }
    };
    match run(&dir, check) {
        Ok(message) => {
            println!("{message}");
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for problem in problems {
                eprintln!("broadsheet-index: {problem}");
            }
            ExitCode::FAILURE
        }
    }
}

fn run(dir: &Path, check: bool) -> Result<String, Vec<String>> {
    let authored = read_authored(dir).map_err(|e| vec![e])?;
    // Site paths are served from the folder above the content folder (`public/`).
    let site_root = dir.parent().unwrap_or(dir).to_path_buf();
    let exists = |site_path: &str| site_root.join(site_path.trim_start_matches('/')).is_file();
    let generated = build(&authored, &exists)?;
    let mut stale = Vec::new();
    for (path, content) in &generated {
        let target = dir.join(path);
        if fs::read_to_string(&target).ok().as_deref() != Some(content.as_str()) {
            stale.push(path.clone());
        }
    }
    let lists = dir.join("lists");
    let orphans: Vec<String> = list_files(&lists)
        .into_iter()
        .filter_map(|p| p.strip_prefix(dir).ok().map(|r| r.to_string_lossy().replace('\\', "/")))
        .filter(|r| !generated.contains_key(r))
        .collect();
    if check {
        return if stale.is_empty() && orphans.is_empty() {
            Ok(format!("{} generated files are up to date", generated.len()))
        } else {
            Err(stale.iter().chain(&orphans).map(|p| format!("{p} is out of date: run broadsheet-index {}", dir.display())).collect())
        };
    }
    for path in &orphans {
        fs::remove_file(dir.join(path)).map_err(|e| vec![format!("removing {path}: {e}")])?;
    }
    for path in &stale {
        let target = dir.join(path);
        let write = || -> io::Result<()> {
            if let Some(parent) = target.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::write(&target, &generated[path])
        };
        write().map_err(|e| vec![format!("writing {path}: {e}")])?;
    }
    Ok(format!(
        "{} articles; wrote {} of {} generated files, removed {}",
        authored.articles.len(),
        stale.len(),
        generated.len(),
        orphans.len()
    ))
}

fn read_authored(dir: &Path) -> Result<Authored, String> {
    let read = |path: PathBuf| fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()));
    let articles = read_folder(&dir.join("articles"), |text| decode_article(text).map_err(|e| e.to_string()))?;
    let comments = read_folder(&dir.join("comments"), |text| decode_comments(text).map_err(|e| e.to_string()))?;
    let authors: Vec<Author> = decode_authors(&read(dir.join("authors.json"))?).map_err(|e| format!("authors.json: {e}"))?;
    let categories: Vec<Category> =
        decode_categories(&read(dir.join("categories.json"))?).map_err(|e| format!("categories.json: {e}"))?;
    Ok(Authored { articles, authors, categories, comments })
}

/// Decodes every `*.json` in a folder (missing folder: none), as `(file stem, value)` by name.
fn read_folder<T>(folder: &Path, decode: impl Fn(&str) -> Result<T, String>) -> Result<Vec<(String, T)>, String> {
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir(folder) else { return Ok(out) };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths.into_iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        out.push((stem, decode(&text).map_err(|e| format!("{}: {e}", path.display()))?));
    }
    Ok(out)
}

fn list_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() { out.extend(list_files(&path)) } else { out.push(path) }
        }
    }
    out
}
