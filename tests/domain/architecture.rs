//! The shape of the code, checked on its source: the modules of `src/` use each other
//! one way only (no cycle, a parent and its child included), nothing below the words
//! imports them, and no file or function grows past what a reader takes in at once.
//!
//! How the module graph is counted: a node per module file (`foo.rs`, or `foo/mod.rs`
//! for the folder module `foo`; `lib.rs` is the crate root and `src/bin` the binary,
//! neither a node). An edge A → B when code in A that is not `#[cfg(test)]` names B or
//! an item in B by a path: `crate::b::…`, `super::…`, `self::…`, or a bare `child::…`
//! where `child` is a module A declares. `use` declarations, re-exports and paths in
//! code and types all count; the longest prefix of the path that is a module decides
//! the target, so a re-export from `store/mod.rs` named as `crate::store::Store` is an
//! edge to `store`. Visibility (`pub(super)`) is not a use. Paths inside macro
//! invocations are not seen.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use syn::spanned::Spanned;
use syn::visit::Visit;

/// The longest a file may be, in lines, outside the word tables.
const FILE_LINES: usize = 600;
/// The longest a function may be, from its `fn` to its closing brace.
const FN_LINES: usize = 80;

/// Files that are tables, not logic: each language's words, and the test-only generator
/// of the large audit (one long literal per part of it).
fn is_table(file: &Path) -> bool {
    let rel = file.strip_prefix(src()).unwrap_or(file);
    let name = rel.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let in_words = rel.starts_with("i18n");
    let per_language = ["ja", "en"]
        .iter()
        .any(|l| name == *l || name.starts_with(&format!("{l}_")));
    (in_words && per_language) || rel == Path::new("sample.rs")
}

/// Modules that may name the words: the two front ends and the words themselves.
fn may_use_words(module: &str) -> bool {
    ["cli", "tui", "i18n"]
        .iter()
        .any(|top| module == *top || module.starts_with(&format!("{top}::")))
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// A file as the repository names it (`src/store/mod.rs`).
fn shown(file: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    file.strip_prefix(root)
        .unwrap_or(file)
        .display()
        .to_string()
}

struct Module {
    file: PathBuf,
    syntax: syn::File,
}

/// Every module file under `src/` by its path (`store::layout`), `src/bin` left out.
fn modules() -> BTreeMap<String, Module> {
    let mut found = BTreeMap::new();
    collect(&src(), &mut Vec::new(), &mut found);
    found
}

fn collect(dir: &Path, prefix: &mut Vec<String>, found: &mut BTreeMap<String, Module>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src is readable")
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_string();
        if path.is_dir() {
            if prefix.is_empty() && name == "bin" {
                continue;
            }
            prefix.push(name);
            collect(&path, prefix, found);
            prefix.pop();
        } else if path.extension().is_some_and(|e| e == "rs") {
            let mut segments = prefix.clone();
            if name != "mod" && name != "lib" {
                segments.push(name);
            }
            if segments.is_empty() {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("a source file is readable");
            let syntax = syn::parse_file(&text)
                .unwrap_or_else(|e| panic!("{}: does not parse: {e}", path.display()));
            found.insert(segments.join("::"), Module { file: path, syntax });
        }
    }
}

fn is_test_only(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        let syn::Meta::List(list) = &a.meta else {
            return false;
        };
        let tokens = list.tokens.to_string();
        a.path().is_ident("cfg")
            && tokens
                .split(|c: char| !c.is_alphanumeric() && c != '_')
                .any(|w| w == "test")
            && !tokens.contains("not")
    })
}

/// The paths a module names, as absolute module segments, and the child modules it
/// declares.
struct Uses<'a> {
    /// Where the code being read stands (inline modules add to it).
    here: Vec<String>,
    children: BTreeSet<String>,
    paths: Vec<Vec<String>>,
    known: &'a BTreeSet<String>,
}

impl Uses<'_> {
    fn absolute(&self, segments: &[String]) -> Option<Vec<String>> {
        let first = segments.first()?;
        let mut base = match first.as_str() {
            "crate" => Vec::new(),
            "self" => self.here.clone(),
            "super" => self.here.clone(),
            child if self.children.contains(child) => {
                let mut base = self.here.clone();
                base.push(child.to_string());
                return Some(
                    base.into_iter()
                        .chain(segments[1..].iter().cloned())
                        .collect(),
                );
            }
            _ => return None,
        };
        let mut rest = &segments[1..];
        if first == "super" {
            base.pop();
            while rest.first().is_some_and(|s| s == "super") {
                base.pop();
                rest = &rest[1..];
            }
        }
        Some(base.into_iter().chain(rest.iter().cloned()).collect())
    }

    fn add(&mut self, segments: Vec<String>) {
        if let Some(path) = self.absolute(&segments) {
            self.paths.push(path);
        }
    }

    fn use_tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.use_tree(prefix, &p.tree);
                prefix.pop();
            }
            syn::UseTree::Name(n) => self.use_leaf(prefix, &n.ident),
            syn::UseTree::Rename(r) => self.use_leaf(prefix, &r.ident),
            syn::UseTree::Glob(_) => self.add(prefix.clone()),
            syn::UseTree::Group(g) => g.items.iter().for_each(|t| self.use_tree(prefix, t)),
        }
    }

    fn use_leaf(&mut self, prefix: &[String], ident: &syn::Ident) {
        let mut path = prefix.to_vec();
        if ident != "self" {
            path.push(ident.to_string());
        }
        self.add(path);
    }
}

impl<'ast> Visit<'ast> for Uses<'_> {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        let attrs: &[syn::Attribute] = match item {
            syn::Item::Const(i) => &i.attrs,
            syn::Item::Enum(i) => &i.attrs,
            syn::Item::Fn(i) => &i.attrs,
            syn::Item::Impl(i) => &i.attrs,
            syn::Item::Mod(i) => &i.attrs,
            syn::Item::Static(i) => &i.attrs,
            syn::Item::Struct(i) => &i.attrs,
            syn::Item::Trait(i) => &i.attrs,
            syn::Item::Type(i) => &i.attrs,
            syn::Item::Use(i) => &i.attrs,
            _ => &[],
        };
        if !is_test_only(attrs) {
            syn::visit::visit_item(self, item);
        }
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        if !is_test_only(&f.attrs) {
            syn::visit::visit_impl_item_fn(self, f);
        }
    }

    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        match &m.content {
            None => {
                self.children.insert(m.ident.to_string());
            }
            Some((_, items)) => {
                self.here.push(m.ident.to_string());
                items.iter().for_each(|i| self.visit_item(i));
                self.here.pop();
            }
        }
    }

    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        self.use_tree(&mut Vec::new(), &u.tree);
    }

    /// `pub(super)` says who may see an item, not what it uses.
    fn visit_visibility(&mut self, _: &'ast syn::Visibility) {}

    fn visit_path(&mut self, path: &'ast syn::Path) {
        let segments = path.segments.iter().map(|s| s.ident.to_string()).collect();
        self.add(segments);
        syn::visit::visit_path(self, path);
    }
}

/// The module a path names: its longest prefix that is a module.
fn target(path: &[String], known: &BTreeSet<String>) -> Option<String> {
    (1..=path.len())
        .rev()
        .map(|n| path[..n].join("::"))
        .find(|m| known.contains(m))
}

fn graph(modules: &BTreeMap<String, Module>) -> BTreeMap<String, BTreeSet<String>> {
    let known: BTreeSet<String> = modules.keys().cloned().collect();
    let mut edges = BTreeMap::new();
    for (name, module) in modules {
        let mut uses = Uses {
            here: name.split("::").map(String::from).collect(),
            children: BTreeSet::new(),
            paths: Vec::new(),
            known: &known,
        };
        // Declarations first, so that a bare `child::` before `mod child;` is seen.
        for item in &module.syntax.items {
            if let syn::Item::Mod(m) = item
                && m.content.is_none()
            {
                uses.children.insert(m.ident.to_string());
            }
        }
        uses.visit_file(&module.syntax);
        let targets: BTreeSet<String> = uses
            .paths
            .iter()
            .filter_map(|p| target(p, uses.known))
            .filter(|t| t != name)
            .collect();
        edges.insert(name.clone(), targets);
    }
    edges
}

/// Every cycle's members, one strongly connected component each (Tarjan).
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct Walk<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        found: Vec<Vec<String>>,
    }
    impl<'a> Walk<'a> {
        fn visit(&mut self, v: &'a str) {
            let n = self.index.len();
            self.index.insert(v, n);
            self.low.insert(v, n);
            self.stack.push(v);
            for w in &self.edges[v] {
                if !self.index.contains_key(w.as_str()) {
                    self.visit(w);
                    let low = self.low[v].min(self.low[w.as_str()]);
                    self.low.insert(v, low);
                } else if self.stack.contains(&w.as_str()) {
                    let low = self.low[v].min(self.index[w.as_str()]);
                    self.low.insert(v, low);
                }
            }
            if self.low[v] == self.index[v] {
                let at = self.stack.iter().rposition(|s| *s == v).unwrap_or(0);
                let mut component: Vec<String> = self.stack.drain(at..).map(String::from).collect();
                component.sort();
                if component.len() > 1 {
                    self.found.push(component);
                }
            }
        }
    }
    let mut walk = Walk {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        found: Vec::new(),
    };
    for v in edges.keys() {
        if !walk.index.contains_key(v.as_str()) {
            walk.visit(v);
        }
    }
    walk.found
}

#[test]
fn the_modules_use_each_other_one_way_only() {
    let edges = graph(&modules());
    let found = cycles(&edges);
    let described: Vec<String> = found
        .iter()
        .map(|c| {
            let members: BTreeSet<&String> = c.iter().collect();
            let inner: Vec<String> = c
                .iter()
                .flat_map(|a| {
                    edges[a]
                        .iter()
                        .filter(|b| members.contains(b))
                        .map(move |b| format!("{a} → {b}"))
                })
                .collect();
            format!("{} modules: {}", c.len(), inner.join(", "))
        })
        .collect();
    assert!(
        described.is_empty(),
        "cycles among src/ modules:\n{}",
        described.join("\n")
    );
}

#[test]
fn nothing_below_the_words_imports_them() {
    let edges = graph(&modules());
    let offenders: Vec<String> = edges
        .iter()
        .filter(|(from, _)| !may_use_words(from))
        .flat_map(|(from, to)| {
            to.iter()
                .filter(|t| *t == "i18n" || t.starts_with("i18n::"))
                .map(move |t| format!("{from} → {t}"))
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "modules below the words that use them:\n{}",
        offenders.join("\n")
    );
}

#[test]
fn no_file_is_longer_than_a_reader_takes_in() {
    let long: Vec<String> = modules()
        .values()
        .filter(|m| !is_table(&m.file))
        .filter_map(|m| {
            let lines = std::fs::read_to_string(&m.file).ok()?.lines().count();
            (lines > FILE_LINES).then(|| format!("{}: {lines} lines", shown(&m.file)))
        })
        .collect();
    assert!(
        long.is_empty(),
        "files over {FILE_LINES} lines:\n{}",
        long.join("\n")
    );
}

/// Every function with a body, as (name, first line, last line).
#[derive(Default)]
struct Functions(Vec<(String, usize, usize)>);

impl Functions {
    fn add(&mut self, sig: &syn::Signature, block: &syn::Block) {
        let first = sig.fn_token.span().start().line;
        let last = block.brace_token.span.close().end().line;
        self.0.push((sig.ident.to_string(), first, last));
    }
}

impl<'ast> Visit<'ast> for Functions {
    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        self.add(&f.sig, &f.block);
        syn::visit::visit_item_fn(self, f);
    }
    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        self.add(&f.sig, &f.block);
        syn::visit::visit_impl_item_fn(self, f);
    }
    fn visit_trait_item_fn(&mut self, f: &'ast syn::TraitItemFn) {
        if let Some(block) = &f.default {
            self.add(&f.sig, block);
        }
        syn::visit::visit_trait_item_fn(self, f);
    }
}

#[test]
fn no_function_is_longer_than_a_reader_takes_in() {
    let mut long = Vec::new();
    for module in modules().values().filter(|m| !is_table(&m.file)) {
        let mut functions = Functions::default();
        functions.visit_file(&module.syntax);
        for (name, first, last) in functions.0 {
            let lines = last + 1 - first;
            if lines > FN_LINES {
                long.push(format!(
                    "{}:{first}: {name}, {lines} lines",
                    shown(&module.file)
                ));
            }
        }
    }
    assert!(
        long.is_empty(),
        "functions over {FN_LINES} lines:\n{}",
        long.join("\n")
    );
}

/// The check itself can fail: a made-up pair of modules that use each other is a cycle,
/// a parent re-exporting its child while the child names the parent is one too.
#[test]
fn the_cycle_check_sees_a_parent_and_its_child() {
    let parse = |s: &str| syn::parse_file(s).expect("parses");
    let mut modules = BTreeMap::new();
    let module = |text: &str| Module {
        file: PathBuf::from("x.rs"),
        syntax: parse(text),
    };
    modules.insert(
        "store".to_string(),
        module("mod doc; pub use doc::Doc; pub struct S;"),
    );
    modules.insert(
        "store::doc".to_string(),
        module("use super::S; pub struct Doc;"),
    );
    modules.insert("plain".to_string(), module("use crate::store::Store;"));
    let edges = graph(&modules);
    assert_eq!(
        cycles(&edges),
        vec![vec!["store".to_string(), "store::doc".to_string()]]
    );
    assert!(edges["plain"].contains("store"));
}
