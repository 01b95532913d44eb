//! The demo catalogue a fresh server loads: about 300 products a maternal and
//! baby shop sells, from ovulation tests to toddler formula. Brands, batches
//! and report numbers are invented; stage ranges follow what each product is
//! for, so stage-aware suggestions have something true to work with.
//!
//! Sources for the ranges that are clinical rather than commercial:
//! - folic acid 0.4 mg a day from before conception to 12 weeks: Chinese
//!   Medical Association, 孕前和孕期保健指南 (2018);
//! - iron (with folic acid) through pregnancy: WHO recommendations on
//!   antenatal care (2016), A.2.1; calcium where diets are low in it: A.3;
//! - caffeine under 200 mg a day in pregnancy: ACOG Committee Opinion 462;
//! - complementary foods from 6 months: WHO infant and young child feeding.

use cradle_protocol::wire::{Product, StageRange, Traceability};
use pinyin::ToPinyin;

struct Line {
    category: &'static str,
    zh: &'static str,
    en: &'static str,
    /// What the product is for, shown on the product page.
    about_zh: &'static str,
    about_en: &'static str,
    stages: &'static [(&'static str, u32, u32)],
    avoid: &'static [&'static str],
    /// Variants: (Chinese, English, price in fen).
    variants: &'static [(&'static str, &'static str, i64)],
    qty: (u32, u32, u32),
    cold_chain: bool,
}

const BRANDS: &[(&str, &str)] = &[
    ("贝蕾", "Beilei"),
    ("安芯", "Anxin"),
    ("暖宝", "Nuanbao"),
    ("青禾", "Qinghe"),
    ("初语", "Chuyu"),
    ("星芽", "Xingya"),
];

const ORIGINS: &[&str] = &[
    "中国·黑龙江 Heilongjiang, China",
    "中国·浙江 Zhejiang, China",
    "新西兰 New Zealand",
    "荷兰 Netherlands",
    "中国·广东 Guangdong, China",
];

const LINES: &[Line] = &[
    Line {
        category: "trying",
        zh: "排卵试纸",
        en: "Ovulation test strips",
        about_zh: "检测黄体生成素峰值，帮助把握排卵期。",
        about_en: "Detects the LH surge to find the fertile days.",
        stages: &[("trying", 0, 0)],
        avoid: &[],
        variants: &[("20条装", "20 strips", 3900), ("50条装", "50 strips", 7900)],
        qty: (1, 5, 1),
        cold_chain: false,
    },
    Line {
        category: "trying",
        zh: "早孕试纸",
        en: "Pregnancy test",
        about_zh: "晨尿检测，数分钟出结果。",
        about_en: "Morning urine test with a result in minutes.",
        stages: &[("trying", 0, 0)],
        avoid: &[],
        variants: &[("2支装", "2 tests", 2500), ("5支装", "5 tests", 4900)],
        qty: (1, 5, 1),
        cold_chain: false,
    },
    Line {
        category: "supplements",
        zh: "叶酸片",
        en: "Folic acid tablets 0.4 mg",
        about_zh: "备孕至孕12周每日补充0.4毫克叶酸。",
        about_en: "0.4 mg a day from before conception to 12 weeks.",
        stages: &[("trying", 0, 0), ("pregnancy", 0, 12)],
        avoid: &[],
        variants: &[("30片", "30 tablets", 2800), ("93片", "93 tablets", 6800)],
        qty: (1, 6, 1),
        cold_chain: false,
    },
    Line {
        category: "supplements",
        zh: "孕妇复合维生素",
        en: "Prenatal multivitamin",
        about_zh: "孕期每日一片，含叶酸、铁、碘。",
        about_en: "One a day in pregnancy, with folate, iron and iodine.",
        stages: &[("pregnancy", 0, 40)],
        avoid: &[],
        variants: &[("30片", "30 tablets", 12800), ("60片", "60 tablets", 22800)],
        qty: (1, 6, 1),
        cold_chain: false,
    },
    Line {
        category: "supplements",
        zh: "孕期铁剂",
        en: "Pregnancy iron supplement",
        about_zh: "孕中晚期每日补充铁。",
        about_en: "Daily iron for the second and third trimesters.",
        stages: &[("pregnancy", 13, 40)],
        avoid: &[],
        variants: &[("30粒", "30 capsules", 8900)],
        qty: (1, 6, 1),
        cold_chain: false,
    },
    Line {
        category: "supplements",
        zh: "孕期钙片",
        en: "Pregnancy calcium",
        about_zh: "孕20周起每日补钙。",
        about_en: "Daily calcium from 20 weeks.",
        stages: &[("pregnancy", 20, 40), ("postpartum", 0, 0)],
        avoid: &[],
        variants: &[
            ("60片", "60 tablets", 9800),
            ("120片", "120 tablets", 16800),
        ],
        qty: (1, 6, 1),
        cold_chain: false,
    },
    Line {
        category: "supplements",
        zh: "藻油DHA",
        en: "Algal DHA",
        about_zh: "孕中期至哺乳期补充DHA。",
        about_en: "DHA from mid-pregnancy through breastfeeding.",
        stages: &[("pregnancy", 14, 40), ("postpartum", 0, 0)],
        avoid: &[],
        variants: &[
            ("30粒", "30 softgels", 15800),
            ("60粒", "60 softgels", 26800),
        ],
        qty: (1, 6, 1),
        cold_chain: false,
    },
    Line {
        category: "supplements",
        zh: "孕妇益生菌",
        en: "Pregnancy probiotics",
        about_zh: "冷链配送，开封后冷藏。",
        about_en: "Shipped chilled; keep refrigerated once opened.",
        stages: &[("pregnancy", 0, 40), ("postpartum", 0, 0)],
        avoid: &[],
        variants: &[("14袋", "14 sachets", 13800)],
        qty: (1, 4, 1),
        cold_chain: true,
    },
    Line {
        category: "mother_care",
        zh: "妊娠纹霜",
        en: "Stretch-mark cream",
        about_zh: "孕中期起腹部、大腿每日涂抹。",
        about_en: "For belly and thighs, daily from the second trimester.",
        stages: &[("pregnancy", 14, 40)],
        avoid: &[],
        variants: &[("100克", "100 g", 16800), ("200克", "200 g", 29800)],
        qty: (1, 4, 1),
        cold_chain: false,
    },
    Line {
        category: "mother_food",
        zh: "孕妇奶粉",
        en: "Maternal milk powder",
        about_zh: "含糖配方，孕期营养补充。",
        about_en: "Sweetened formula for pregnancy nutrition.",
        stages: &[("pregnancy", 0, 40)],
        avoid: &["high_sugar"],
        variants: &[("400克", "400 g", 12800), ("800克", "800 g", 22800)],
        qty: (1, 6, 1),
        cold_chain: false,
    },
    Line {
        category: "mother_food",
        zh: "孕妇低GI燕麦",
        en: "Low-GI oats for pregnancy",
        about_zh: "无添加蔗糖，控糖友好。",
        about_en: "No added sugar; suits a glucose-aware diet.",
        stages: &[("pregnancy", 0, 40)],
        avoid: &[],
        variants: &[("500克", "500 g", 4500), ("1千克", "1 kg", 7900)],
        qty: (1, 10, 1),
        cold_chain: false,
    },
    Line {
        category: "mother_food",
        zh: "红糖姜茶",
        en: "Brown sugar ginger tea",
        about_zh: "产后暖身饮品，含糖。",
        about_en: "A warming postpartum drink; contains sugar.",
        stages: &[("postpartum", 0, 0)],
        avoid: &["high_sugar"],
        variants: &[("12袋", "12 sachets", 3900)],
        qty: (1, 10, 1),
        cold_chain: false,
    },
    Line {
        category: "mother_food",
        zh: "挂耳咖啡",
        en: "Drip-bag coffee",
        about_zh: "每袋约90毫克咖啡因。",
        about_en: "About 90 mg of caffeine a bag.",
        stages: &[("trying", 0, 0), ("postpartum", 0, 0)],
        avoid: &["caffeine"],
        variants: &[("10袋", "10 bags", 5900)],
        qty: (1, 10, 1),
        cold_chain: false,
    },
    Line {
        category: "maternity_wear",
        zh: "孕妇托腹裤",
        en: "Maternity leggings",
        about_zh: "高腰托腹，随孕周调节。",
        about_en: "High waist with belly support that adjusts as she grows.",
        stages: &[("pregnancy", 12, 40)],
        avoid: &[],
        variants: &[
            ("M码", "size M", 8900),
            ("L码", "size L", 8900),
            ("XL码", "size XL", 8900),
        ],
        qty: (1, 5, 1),
        cold_chain: false,
    },
    Line {
        category: "hospital_bag",
        zh: "产妇卫生巾",
        en: "Maternity pads",
        about_zh: "待产包必备，产后恶露期使用。",
        about_en: "For the hospital bag and the weeks after birth.",
        stages: &[("pregnancy", 28, 40), ("postpartum", 0, 0)],
        avoid: &[],
        variants: &[("10片", "10 pads", 3900), ("20片", "20 pads", 6900)],
        qty: (1, 10, 1),
        cold_chain: false,
    },
    Line {
        category: "hospital_bag",
        zh: "哺乳文胸",
        en: "Nursing bra",
        about_zh: "前开扣设计，方便哺乳。",
        about_en: "Front clips for easy feeding.",
        stages: &[("pregnancy", 28, 40), ("postpartum", 0, 0)],
        avoid: &[],
        variants: &[("M码", "size M", 9900), ("L码", "size L", 9900)],
        qty: (1, 5, 1),
        cold_chain: false,
    },
    Line {
        category: "hospital_bag",
        zh: "电动吸奶器",
        en: "Electric breast pump",
        about_zh: "双边电动，静音。",
        about_en: "Double electric, quiet.",
        stages: &[("pregnancy", 32, 40), ("postpartum", 0, 0), ("baby", 0, 12)],
        avoid: &[],
        variants: &[("标准版", "standard", 49900)],
        qty: (1, 1, 1),
        cold_chain: false,
    },
    Line {
        category: "hospital_bag",
        zh: "新生儿连体衣",
        en: "Newborn bodysuits",
        about_zh: "纯棉，59码。",
        about_en: "Cotton, size 59.",
        stages: &[("pregnancy", 28, 40), ("baby", 0, 3)],
        avoid: &[],
        variants: &[("3件装", "3-pack", 11900)],
        qty: (1, 5, 1),
        cold_chain: false,
    },
    Line {
        category: "formula",
        zh: "婴儿配方奶粉1段",
        en: "Infant formula stage 1",
        about_zh: "0–6月龄婴儿配方。",
        about_en: "For babies from birth to 6 months.",
        stages: &[("baby", 0, 6)],
        avoid: &[],
        variants: &[("400克", "400 g", 16800), ("800克", "800 g", 29800)],
        qty: (1, 6, 1),
        cold_chain: false,
    },
    Line {
        category: "formula",
        zh: "较大婴儿配方奶粉2段",
        en: "Follow-on formula stage 2",
        about_zh: "6–12月龄较大婴儿配方。",
        about_en: "For babies from 6 to 12 months.",
        stages: &[("baby", 6, 12)],
        avoid: &[],
        variants: &[("400克", "400 g", 15800), ("800克", "800 g", 27800)],
        qty: (1, 6, 1),
        cold_chain: false,
    },
    Line {
        category: "formula",
        zh: "幼儿配方奶粉3段",
        en: "Growing-up formula stage 3",
        about_zh: "12–36月龄幼儿配方。",
        about_en: "For toddlers from 12 to 36 months.",
        stages: &[("baby", 12, 36)],
        avoid: &[],
        variants: &[("800克", "800 g", 24800)],
        qty: (1, 6, 1),
        cold_chain: false,
    },
    Line {
        category: "diapers",
        zh: "纸尿裤",
        en: "Diapers",
        about_zh: "超薄透气，按体重选码。",
        about_en: "Thin and breathable; choose the size by weight.",
        stages: &[("baby", 0, 24)],
        avoid: &[],
        variants: &[
            ("NB码", "size NB", 8900),
            ("S码", "size S", 9900),
            ("M码", "size M", 10900),
            ("L码", "size L", 11900),
            ("XL码", "size XL", 12900),
        ],
        qty: (1, 10, 1),
        cold_chain: false,
    },
    Line {
        category: "diapers",
        zh: "婴儿湿巾",
        en: "Baby wipes",
        about_zh: "无香精，80抽。",
        about_en: "Fragrance-free, 80 wipes.",
        stages: &[("baby", 0, 36)],
        avoid: &[],
        variants: &[("单包", "single pack", 1500), ("6包", "6 packs", 7900)],
        qty: (1, 20, 1),
        cold_chain: false,
    },
    Line {
        category: "feeding",
        zh: "玻璃奶瓶",
        en: "Glass feeding bottle",
        about_zh: "防胀气奶嘴。",
        about_en: "With an anti-colic teat.",
        stages: &[("pregnancy", 32, 40), ("baby", 0, 12)],
        avoid: &[],
        variants: &[("160毫升", "160 ml", 8900), ("240毫升", "240 ml", 9900)],
        qty: (1, 6, 1),
        cold_chain: false,
    },
    Line {
        category: "baby_food",
        zh: "高铁米粉",
        en: "Iron-fortified rice cereal",
        about_zh: "6月龄起的第一口辅食。",
        about_en: "A first food from 6 months.",
        stages: &[("baby", 6, 18)],
        avoid: &[],
        variants: &[("225克", "225 g", 6800)],
        qty: (1, 10, 1),
        cold_chain: false,
    },
    Line {
        category: "baby_food",
        zh: "婴儿果泥",
        en: "Fruit puree pouch",
        about_zh: "无添加糖，8月龄起。",
        about_en: "No added sugar, from 8 months.",
        stages: &[("baby", 8, 36)],
        avoid: &[],
        variants: &[
            ("苹果", "apple", 1200),
            ("香蕉", "banana", 1200),
            ("西梅", "prune", 1400),
        ],
        qty: (1, 24, 1),
        cold_chain: false,
    },
    Line {
        category: "baby_care",
        zh: "婴儿润肤乳",
        en: "Baby lotion",
        about_zh: "温和无香，适合敏感肌。",
        about_en: "Gentle and unscented, for sensitive skin.",
        stages: &[("baby", 0, 36)],
        avoid: &[],
        variants: &[("200毫升", "200 ml", 6900)],
        qty: (1, 6, 1),
        cold_chain: false,
    },
    Line {
        category: "toys",
        zh: "婴儿摇铃",
        en: "Baby rattle",
        about_zh: "食品级硅胶，可啃咬。",
        about_en: "Food-grade silicone, safe to chew.",
        stages: &[("baby", 3, 18)],
        avoid: &[],
        variants: &[("单个", "single", 3900)],
        qty: (1, 5, 1),
        cold_chain: false,
    },
    // Added after the lines above, so their SKUs (which carry the line's
    // index) stay as they were.
    Line {
        category: "hospital_bag",
        zh: "防溢乳垫",
        en: "Breast pads",
        about_zh: "一次性，轻薄透气，待产包必备。",
        about_en: "Disposable and breathable, for the hospital bag and after.",
        stages: &[("pregnancy", 28, 40), ("postpartum", 0, 0), ("baby", 0, 6)],
        avoid: &[],
        variants: &[("100片", "100 pads", 5900)],
        qty: (1, 10, 1),
        cold_chain: false,
    },
    Line {
        category: "hospital_bag",
        zh: "婴儿包被",
        en: "Baby swaddle blanket",
        about_zh: "纯棉，四季可用。",
        about_en: "Cotton, for any season.",
        stages: &[("pregnancy", 28, 40), ("baby", 0, 3)],
        avoid: &[],
        variants: &[("纯棉", "cotton", 12900)],
        qty: (1, 3, 1),
        cold_chain: false,
    },
];

/// How many products the demo catalogue has.
pub fn size() -> usize {
    LINES.iter().map(|l| l.variants.len()).sum::<usize>() * BRANDS.len()
}

/// `n` products for load tests: the demo catalogue, then copies of it in
/// numbered series ("… 系列2") until there are `n`.
pub fn products_n(n: usize) -> Vec<Product> {
    let base = products();
    let mut out: Vec<Product> = base.iter().take(n).cloned().collect();
    let mut series = 2;
    while out.len() < n {
        for p in base.iter().take(n - out.len()) {
            let mut copy = p.clone();
            copy.sku = format!("{}-s{series}", p.sku);
            copy.name_zh = format!("{} 系列{series}", p.name_zh);
            copy.name_en = format!("{} series {series}", p.name_en);
            out.push(copy);
        }
        series += 1;
    }
    out
}

/// The demo products, in a fixed order (the same on every start).
pub fn products() -> Vec<Product> {
    let mut out = Vec::new();
    for (l, line) in LINES.iter().enumerate() {
        for (b, (brand_zh, brand_en)) in BRANDS.iter().enumerate() {
            for (v, (variant_zh, variant_en, price)) in line.variants.iter().enumerate() {
                let n = out.len();
                let name_zh = format!("{brand_zh}{}（{variant_zh}）", line.zh);
                let sku = format!("{}-{:02}{}{}", line.category.replace('_', "-"), l, b, v);
                out.push(Product {
                    initials: initials(&name_zh),
                    sku: sku.clone(),
                    name_en: format!("{brand_en} {} ({variant_en})", line.en),
                    name_zh,
                    description_zh: line.about_zh.to_owned(),
                    description_en: line.about_en.to_owned(),
                    category: line.category.to_owned(),
                    image_url: format!("https://img.cradle.example/p/{sku}.jpg"),
                    // Brands differ a little in price, as shops do.
                    price_minor: price + (b as i64) * 500 - 500,
                    currency: "CNY".into(),
                    stock: 20 + ((n * 37) % 180) as i64,
                    qty_min: line.qty.0,
                    qty_max: line.qty.1,
                    qty_step: line.qty.2,
                    discontinued: false,
                    stages: line
                        .stages
                        .iter()
                        .map(|(stage, from, to)| StageRange {
                            stage: (*stage).to_owned(),
                            from: *from,
                            to: *to,
                        })
                        .collect(),
                    avoid_tags: line.avoid.iter().map(|t| (*t).to_owned()).collect(),
                    traceability: Traceability {
                        batch: format!("B2026{:04}", 1000 + n),
                        origin: ORIGINS[(l + b) % ORIGINS.len()].to_owned(),
                        quality_report: format!("QR-2026-{:05}", 30000 + n * 7),
                        cold_chain: line.cold_chain,
                    },
                    version: 0,
                });
            }
        }
    }
    out
}

/// Pinyin initials of the Chinese characters in `name` ("贝蕾叶酸片" → "blysp").
pub fn initials(name: &str) -> String {
    name.to_pinyin()
        .flatten()
        .filter_map(|p| p.first_letter().chars().next())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn about_300_products_with_unique_skus_and_sane_rules() {
        let all = products();
        assert!((280..=340).contains(&all.len()), "{}", all.len());
        let skus: BTreeSet<&str> = all.iter().map(|p| p.sku.as_str()).collect();
        assert_eq!(skus.len(), all.len());
        for p in &all {
            assert!(p.price_minor > 0 && p.qty_min >= 1 && p.qty_min <= p.qty_max);
            assert!(!p.stages.is_empty(), "{}", p.sku);
        }
        assert_eq!(initials("贝蕾叶酸片（30片）"), "blyspp");
        assert_eq!(size(), all.len());
        let many = products_n(1000);
        let skus: BTreeSet<&str> = many.iter().map(|p| p.sku.as_str()).collect();
        assert_eq!(skus.len(), 1000);
    }
}
