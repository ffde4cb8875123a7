//! What coders and patients type (CKD, heart attack, lap chole) mapped to the words of the official titles.
//! The dictionary is `data/synonyms.tsv`: `term<TAB>expansion|expansion`.

use crate::text::{is_stop, stem, terms, words};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// Phrases (as word lists) and the term lists they may stand for.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Synonyms {
    /// Key: the phrase's words, stop words dropped, stemmed and sorted, so that word order and small words do
    /// not matter ("infections of the middle ear" meets "middle ear infection"). Value: alternatives, each a list
    /// of stemmed terms.
    map: FxHashMap<String, Vec<Vec<String>>>,
    /// Longest phrase, in words.
    pub longest: usize,
}

/// The dictionary that ships with Codefellow.
pub const BUILTIN: &str = include_str!("../data/synonyms.tsv");

impl Synonyms {
    /// Reads a dictionary; malformed lines are skipped (the file is ours and tested).
    pub fn parse(tsv: &str) -> Synonyms {
        let mut s = Synonyms::default();
        for line in tsv.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let Some((term, exps)) = line.split_once('\t') else { continue };
            let key = bag(&words(term));
            if key.is_empty() {
                continue;
            }
            let alts: Vec<Vec<String>> = exps.split('|').map(terms).filter(|t| !t.is_empty()).collect();
            if alts.is_empty() {
                continue;
            }
            s.longest = s.longest.max(key.len());
            let alts_for = s.map.entry(key.join(" ")).or_default();
            for a in alts {
                if !alts_for.contains(&a) {
                    alts_for.push(a);
                }
            }
        }
        s
    }

    /// The alternatives for a phrase of words, if the dictionary knows it.
    pub fn get(&self, phrase: &[String]) -> Option<&[Vec<String>]> {
        self.map.get(&bag(phrase).join(" ")).map(Vec::as_slice)
    }

    /// The one-word phrases the dictionary knows (for correcting a misspelt one: "thoracentisis").
    pub fn single_words(&self) -> impl Iterator<Item = &str> {
        self.map.keys().filter(|k| !k.contains(' ')).map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// The key form of a phrase: stop words dropped, stemmed, sorted.
fn bag(words: &[String]) -> Vec<String> {
    let mut b: Vec<String> = words.iter().filter(|w| !is_stop(w)).map(|w| stem(w)).collect();
    b.sort();
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_dictionary_knows_the_classic_abbreviations() {
        let s = Synonyms::parse(BUILTIN);
        assert!(s.len() > 500);
        let ckd = s.get(&["ckd".to_string()]).unwrap();
        assert!(ckd.iter().any(|a| a == &terms("chronic kidney disease")));
        assert!(s.get(&["heart".to_string(), "attack".to_string()]).is_some());
        assert!(s.get(&["n".to_string(), "v".to_string()]).is_some(), "n/v is read as two words");
        let w = |t: &str| t.split(' ').map(str::to_string).collect::<Vec<_>>();
        assert_eq!(s.get(&w("infections of the middle ear")), s.get(&w("middle ear infection")));
    }
}
