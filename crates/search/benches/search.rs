//! Benchmarks of dalil-search: a plain `main` that prints a table (no harness, no timing
//! assertions). Every figure is set against a baseline measured in the same run, so that the
//! ratios mean something on any machine:
//!
//! 1. building the SOP index, against parsing the same markdown with pulldown-cmark alone;
//! 2. SOP queries (p50, p95, p99 over a fixed list), against a linear substring scan of the
//!    normalized text;
//! 3. a synthetic store of 100,000 notes (about 50 MB, the SOP's own sentences shuffled with
//!    a fixed seed) in the notes FTS table: query p50 against a linear scan;
//! 4. one keystroke's round trip through `SopIndex::search` (a growing prefix, character by
//!    character), against the linear scan of the same prefixes.
//!
//! Run it with `cargo bench -p dalil-search`.

#![allow(clippy::unwrap_used)]

use std::time::{Duration, Instant};

use dalil_content::{Lang, Sop};
use dalil_search::notes::{
    NOTES_FTS_SQL, NoteOrder, NotesOptions, index_note, optimize_notes, search_notes,
};
use dalil_search::{Query, SearchOptions, SopIndex};

/// Realistic SOP queries, Arabic and English, whole words and prefixes.
const SOP_QUERIES: &[&str] = &[
    "الضحية",
    "الضحيه",
    "الضَّحِيَّة",
    "اتجار",
    "الاتجار بالأشخاص",
    "مترجم",
    "المترجم الشفوي",
    "جواز السفر",
    "قاضي التحقيق",
    "تقييم المخاطر",
    "دار الإيواء",
    "الطفل",
    "عبودية الدين",
    "العمل القسري",
    "التسول",
    "الأدلة الرقمية",
    "سلسلة حيازة الأدلة",
    "الحوالة",
    "غسل الأموال",
    "المهاجرين",
    "تهريب",
    "الإحالة",
    "السفارة",
    "الهاتف",
    "٢٠١٢",
    "المادة 6",
    "حماية الشهود",
    "مترج",
    "الضح",
    "الات",
    "ا",
    "victim",
    "debt bondage",
    "interpreter",
    "interp",
    "passport",
    "investigative judge",
    "risk assessment",
    "shelter",
    "child",
    "forced labour",
    "begging",
    "digital evidence",
    "chain of custody",
    "hawala",
    "money laundering",
    "smuggled migrants",
    "consular notification",
    "non-refoulement",
    "trafficking in persons",
    "traff",
    "t",
    "safe house",
    "NRM",
];

/// Queries of the notes: SOP words of every frequency, names and phone numbers, prefixes.
const NOTE_QUERIES: &[&str] = &[
    "الضحية",
    "جواز السفر",
    "مترجم",
    "حسين",
    "زينب الموسوي",
    "0770",
    "07701234",
    "دار الإيواء",
    "عبودية الدين",
    "passport",
    "interpreter",
    "debt bondage",
    "Hussein",
    "smuggler",
    "hawala",
    "قاضي التحقيق",
    "الات",
    "interp",
    "Basra",
    "البصرة",
];

/// Phrases typed one character at a time.
const TYPED: &[&str] = &[
    "الضحية في دار الإيواء",
    "المترجم الشفوي",
    "debt bondage indicators",
    "interpreter before the interview",
    "جواز السفر محتجز",
];

const NOTES: usize = 100_000;
/// Sentences are added to a note until it reaches this size; notes average about 500 bytes.
const NOTE_BYTES: usize = 400;
const SEED: u64 = 6;

fn main() {
    let (sop, diagnostics) = dalil_content::load(&dalil_sop_files::bundled());
    assert_eq!(
        dalil_content::error_count(&diagnostics),
        0,
        "the bundled SOP has problems"
    );
    println!("# dalil-search benchmarks (release build, one thread)\n");
    println!("| measure | dalil-search | baseline | ratio |");
    println!("| --- | --- | --- | --- |");
    build(&sop);
    let index = SopIndex::build(&sop).unwrap();
    let docs = scan_docs(&sop);
    sop_queries(&index, &docs);
    keystrokes(&index, &docs);
    notes(&sop);
}

/// 1. Index build against parse-only.
fn build(sop: &Sop) {
    let sources: Vec<&str> = sop
        .chapters
        .iter()
        .flat_map(|c| Lang::ALL.map(|l| c.text(l).source.as_str()))
        .collect();
    let bytes: usize = sources.iter().map(|s| s.len()).sum();
    let options = pulldown_cmark::Options::ENABLE_TABLES
        | pulldown_cmark::Options::ENABLE_HEADING_ATTRIBUTES
        | pulldown_cmark::Options::ENABLE_STRIKETHROUGH;
    let parse = median(20, || {
        let mut n = 0;
        for s in &sources {
            n += pulldown_cmark::Parser::new_ext(s, options).count();
        }
        std::hint::black_box(n);
    });
    let build = median(20, || {
        std::hint::black_box(SopIndex::build(sop).unwrap());
    });
    let normalize = median(20, || {
        for s in &sources {
            std::hint::black_box(dalil_normalize::tokens(s).count());
        }
    });
    row(
        &format!(
            "SOP index build ({} KiB of markdown, median of 20)",
            bytes / 1024
        ),
        build,
        "pulldown-cmark parse only",
        parse,
    );
    row(
        "  of which: tokenizing and normalizing the same bytes",
        normalize,
        "pulldown-cmark parse only",
        parse,
    );
    // What the app does at every start but the first: load the index it cached.
    let bytes = SopIndex::build(sop).unwrap().to_bytes().unwrap();
    let load = median(20, || {
        std::hint::black_box(SopIndex::from_bytes(&bytes, sop).unwrap());
    });
    row(
        &format!(
            "SOP index load from its cache ({} KiB, median of 20)",
            bytes.len() / 1024
        ),
        load,
        "pulldown-cmark parse only",
        parse,
    );
}

/// A text of the SOP for the linear scan: its folded words, joined by spaces.
struct ScanDoc {
    folded: String,
}

/// The linear-scan baseline's data: each step's guidance and each chapter's source, folded.
fn scan_docs(sop: &Sop) -> Vec<ScanDoc> {
    let mut docs = Vec::new();
    for c in &sop.chapters {
        for lang in Lang::ALL {
            let t = c.text(lang);
            docs.push(ScanDoc {
                folded: dalil_normalize::fold_text(t.body()),
            });
            for s in &t.steps {
                docs.push(ScanDoc {
                    folded: dalil_normalize::fold_text(&format!("{} {}", s.title, t.guidance(s))),
                });
            }
        }
    }
    docs
}

/// The linear scan: the texts that contain every folded word of the query.
fn scan<'a>(docs: &'a [ScanDoc], query: &str) -> Vec<&'a ScanDoc> {
    let words: Vec<String> = dalil_normalize::tokens(query).map(|t| t.folded).collect();
    docs.iter()
        .filter(|d| words.iter().all(|w| d.folded.contains(w.as_str())))
        .collect()
}

/// 2. SOP queries against the linear scan.
fn sop_queries(index: &SopIndex, docs: &[ScanDoc]) {
    let options = SearchOptions::default();
    let mut fts = Vec::new();
    let mut linear = Vec::new();
    for _ in 0..20 {
        for q in SOP_QUERIES {
            fts.push(time(|| {
                std::hint::black_box(index.search(q, &options).unwrap());
            }));
            linear.push(time(|| {
                std::hint::black_box(scan(docs, q));
            }));
        }
    }
    let label = format!(
        "SOP query, {} queries x 20, with snippets",
        SOP_QUERIES.len()
    );
    for (p, name) in [(0.50, "p50"), (0.95, "p95"), (0.99, "p99")] {
        row(
            &format!("{label}: {name} (goal p99 <= 2 ms)"),
            percentile(&mut fts, p),
            "linear substring scan",
            percentile(&mut linear, p),
        );
    }
}

/// 4. Keystrokes: every prefix of each typed phrase.
fn keystrokes(index: &SopIndex, docs: &[ScanDoc]) {
    let options = SearchOptions::default();
    let mut fts = Vec::new();
    let mut linear = Vec::new();
    for _ in 0..10 {
        for phrase in TYPED {
            let chars: Vec<char> = phrase.chars().collect();
            for n in 1..=chars.len() {
                let typed: String = chars[..n].iter().collect();
                fts.push(time(|| {
                    std::hint::black_box(index.search(&typed, &options).unwrap());
                }));
                linear.push(time(|| {
                    std::hint::black_box(scan(docs, &typed));
                }));
            }
        }
    }
    for (p, name) in [(0.50, "p50"), (0.99, "p99")] {
        row(
            &format!(
                "keystroke round trip, {} keystrokes: {name} (goal p99 <= 5 ms)",
                fts.len()
            ),
            percentile(&mut fts, p),
            "linear substring scan",
            percentile(&mut linear, p),
        );
    }
}

/// 3. The synthetic notes store.
fn notes(sop: &Sop) {
    let mut rng = fastrand::Rng::with_seed(SEED);
    let sentences = sentences(sop);
    let names = [
        "حسين",
        "علي",
        "زينب",
        "فاطمة",
        "مصطفى",
        "الموسوي",
        "الجبوري",
        "Hussein",
        "Ali",
        "Zainab",
        "Ahmed",
        "Basra",
        "البصرة",
        "Erbil",
        "أربيل",
    ];
    let mut notes = Vec::with_capacity(NOTES);
    let mut total = 0;
    for _ in 0..NOTES {
        let mut note = format!(
            "{} {} 0770{:07}. ",
            names[rng.usize(..names.len())],
            names[rng.usize(..names.len())],
            rng.u32(..10_000_000)
        );
        while note.len() < NOTE_BYTES {
            note.push_str(sentences[rng.usize(..sentences.len())]);
            note.push(' ');
        }
        total += note.len();
        notes.push(note);
    }
    let mut conn = rusqlite::Connection::open_in_memory().unwrap();
    conn.execute_batch(NOTES_FTS_SQL).unwrap();
    let index_time = time(|| {
        let tx = conn.transaction().unwrap();
        for (i, note) in notes.iter().enumerate() {
            index_note(&tx, i as i64, (i % 500) as i64, note).unwrap();
        }
        tx.commit().unwrap();
    });
    let optimize_time = time(|| optimize_notes(&conn).unwrap());
    let folded: Vec<String> = notes
        .iter()
        .map(|n| dalil_normalize::fold_text(n))
        .collect();
    let fold_time = time(|| {
        for n in notes.iter().take(NOTES / 10) {
            std::hint::black_box(dalil_normalize::fold_text(n));
        }
    }) * 10;
    row(
        &format!("notes index build, {NOTES} notes, {} MB", total / 1_000_000),
        index_time,
        "folding the same text only",
        fold_time,
    );
    row(
        "  then optimize_notes (one merge of the whole index)",
        optimize_time,
        "folding the same text only",
        fold_time,
    );
    let mut linear = Vec::new();
    let mut by_order = [Vec::new(), Vec::new()];
    for _ in 0..5 {
        for q in NOTE_QUERIES {
            let query = Query::parse(q).unwrap();
            for (i, order) in [NoteOrder::Newest, NoteOrder::Relevance]
                .into_iter()
                .enumerate()
            {
                let options = NotesOptions {
                    order,
                    ..NotesOptions::default()
                };
                by_order[i].push(time(|| {
                    std::hint::black_box(search_notes(&conn, &query, &options).unwrap());
                }));
            }
            // A scan must read every note: without an index, the first 20 in note order are
            // neither the newest nor the best.
            let words: Vec<String> = query.words().iter().map(|w| w.folded.clone()).collect();
            linear.push(time(|| {
                let hits = folded
                    .iter()
                    .filter(|n| words.iter().all(|w| n.contains(w.as_str())))
                    .count();
                std::hint::black_box(hits);
            }));
        }
    }
    if std::env::var_os("DALIL_BENCH_DETAIL").is_some() {
        let n = NOTE_QUERIES.len();
        for (j, q) in NOTE_QUERIES.iter().enumerate() {
            let mut newest: Vec<Duration> =
                by_order[0].iter().skip(j).step_by(n).copied().collect();
            let mut best: Vec<Duration> = by_order[1].iter().skip(j).step_by(n).copied().collect();
            let mut scan: Vec<Duration> = linear.iter().skip(j).step_by(n).copied().collect();
            println!(
                "  {q}: newest {}, best {}, scan {}",
                show(percentile(&mut newest, 0.5)),
                show(percentile(&mut best, 0.5)),
                show(percentile(&mut scan, 0.5))
            );
        }
    }
    for (i, order) in ["newest first", "best first (bm25)"]
        .into_iter()
        .enumerate()
    {
        for (p, name) in [
            (0.50, "p50 (goal <= 1/20 of the scan)"),
            (0.95, "p95"),
            (0.99, "p99"),
        ] {
            row(
                &format!(
                    "notes query, {order}, {} queries x 5: {name}",
                    NOTE_QUERIES.len()
                ),
                percentile(&mut by_order[i], p),
                "linear substring scan",
                percentile(&mut linear, p),
            );
        }
    }
}

/// The SOP's sentences, in both languages, shuffled with a fixed seed.
fn sentences(sop: &Sop) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for c in &sop.chapters {
        for lang in Lang::ALL {
            for s in c.text(lang).body().split(['.', '؟', '?', '\n']) {
                let s = s.trim();
                if s.len() > 20 && !s.starts_with('#') {
                    out.push(s);
                }
            }
        }
    }
    fastrand::Rng::with_seed(SEED).shuffle(&mut out);
    out
}

fn time(f: impl FnOnce()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    f();
    let mut times: Vec<Duration> = (0..runs).map(|_| time(&mut f)).collect();
    percentile(&mut times, 0.5)
}

fn percentile(times: &mut [Duration], p: f64) -> Duration {
    times.sort_unstable();
    let rank = ((p * times.len() as f64).ceil() as usize).clamp(1, times.len());
    times[rank - 1]
}

fn row(what: &str, ours: Duration, baseline_name: &str, baseline: Duration) {
    println!(
        "| {what} | {} | {baseline_name}: {} | {:.3} |",
        show(ours),
        show(baseline),
        ours.as_secs_f64() / baseline.as_secs_f64().max(1e-12)
    );
}

fn show(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us < 1000.0 {
        format!("{us:.0} µs")
    } else if us < 1e6 {
        format!("{:.2} ms", us / 1000.0)
    } else {
        format!("{:.2} s", us / 1e6)
    }
}
