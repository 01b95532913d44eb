//! What the shop says in words, in her language (order and return
//! statuses are in `status`).

use crate::CatalogUpdate;
use cradle_store::profile::Language;

/// What bringing the offline catalogue up to date did.
pub fn catalog_update(u: &CatalogUpdate, language: Language) -> String {
    if u.unchanged {
        language
            .pick("商品目录已是最新。", "The catalogue is up to date.")
            .into()
    } else {
        language.pick(
            format!("商品目录已更新：{} 件商品有变化。", u.changed),
            format!("Catalogue updated: {} product(s) changed.", u.changed),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chinese_words_hold_no_english() {
        for unchanged in [true, false] {
            let u = CatalogUpdate {
                changed: 3,
                version: 9,
                unchanged,
            };
            let text = catalog_update(&u, Language::ZhHans);
            assert!(!text.chars().any(|c| c.is_ascii_alphabetic()), "{text}");
        }
    }
}
