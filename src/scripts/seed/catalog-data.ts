/**
 * The raw material the demo catalog is generated from: per category, the
 * words product titles are made of, the options its variants differ by and a
 * believable price range. Nouns are unique across categories so generated
 * titles, and the handles made from them, never collide between categories.
 */

export type OptionDefinition = { title: string; values: string[] }

export type CategoryDefinition = {
  name: string
  handle: string
  /** Short prefix that makes SKUs readable: EMP-APP-0001-M-BLACK. */
  skuCode: string
  description: string
  adjectives: string[]
  nouns: string[]
  /** Endings for the one-line product description. */
  taglines: string[]
  options: OptionDefinition[]
  /** Whole-euro price range of the category's products. */
  priceRange: [number, number]
  /** Shipping weight (g) and packed size (cm) of one item, which the rate table prices. */
  parcel: { weight_g: number; length_cm: number; width_cm: number; height_cm: number }
}

export const CATEGORY_DEFINITIONS: CategoryDefinition[] = [
  {
    name: "Apparel",
    handle: "apparel",
    parcel: { weight_g: 300, length_cm: 30, width_cm: 25, height_cm: 4 },
    skuCode: "APP",
    description: "Everyday clothing in natural fabrics.",
    adjectives: ["Classic", "Relaxed", "Organic", "Linen", "Merino", "Heavyweight", "Vintage", "Slim"],
    nouns: ["T-Shirt", "Hoodie", "Oxford Shirt", "Chinos", "Cardigan", "Sweatshirt"],
    taglines: ["cut for everyday comfort", "made from responsibly sourced fibres", "that softens with every wash"],
    options: [
      { title: "Size", values: ["XS", "S", "M", "L", "XL"] },
      { title: "Color", values: ["Black", "White", "Navy", "Olive", "Sand"] },
    ],
    priceRange: [19, 89],
  },
  {
    name: "Footwear",
    handle: "footwear",
    parcel: { weight_g: 1100, length_cm: 34, width_cm: 22, height_cm: 13 },
    skuCode: "FTW",
    description: "Shoes and boots for town and trail.",
    adjectives: ["Classic", "Lightweight", "Leather", "Canvas", "Waterproof", "Suede", "Urban", "Trail"],
    nouns: ["Sneakers", "Chelsea Boots", "Loafers", "Runners", "Sandals", "Desert Boots"],
    taglines: ["with a cushioned footbed", "built on a durable rubber sole", "that breaks in quickly"],
    options: [
      { title: "Size", values: ["39", "40", "41", "42", "43", "44", "45"] },
      { title: "Color", values: ["Black", "Brown", "White"] },
    ],
    priceRange: [49, 189],
  },
  {
    name: "Bags",
    handle: "bags",
    parcel: { weight_g: 900, length_cm: 45, width_cm: 32, height_cm: 18 },
    skuCode: "BAG",
    description: "Backpacks, totes and travel bags.",
    adjectives: ["Waxed", "Roll-Top", "Compact", "Weekend", "Recycled", "Leather", "Foldable", "Commuter"],
    nouns: ["Backpack", "Tote Bag", "Duffel", "Messenger Bag", "Sling Bag", "Laptop Sleeve"],
    taglines: ["with a padded laptop pocket", "that packs flat when empty", "made to carry a full day"],
    options: [{ title: "Color", values: ["Black", "Tan", "Olive", "Navy"] }],
    priceRange: [29, 159],
  },
  {
    name: "Home",
    handle: "home",
    parcel: { weight_g: 1800, length_cm: 40, width_cm: 30, height_cm: 25 },
    skuCode: "HOM",
    description: "Textiles and décor for calm living spaces.",
    adjectives: ["Woven", "Stoneware", "Linen", "Handmade", "Nordic", "Soft", "Ribbed", "Minimal"],
    nouns: ["Throw Blanket", "Cushion Cover", "Vase", "Candle", "Table Lamp", "Wall Clock"],
    taglines: ["that warms up any room", "in a muted, easy-to-match tone", "made in small batches"],
    options: [{ title: "Color", values: ["Ivory", "Charcoal", "Sage", "Terracotta"] }],
    priceRange: [15, 119],
  },
  {
    name: "Kitchen",
    handle: "kitchen",
    parcel: { weight_g: 1500, length_cm: 35, width_cm: 25, height_cm: 20 },
    skuCode: "KIT",
    description: "Cookware and tools for the everyday cook.",
    adjectives: ["Cast Iron", "Enamel", "Professional", "Carbon Steel", "Bamboo", "Ceramic", "Compact", "Stackable"],
    nouns: ["Skillet", "Dutch Oven", "Chef's Knife", "Cutting Board", "Saucepan", "Pour-Over Kettle"],
    taglines: ["that lasts for decades", "dishwasher safe", "balanced for daily use"],
    options: [{ title: "Finish", values: ["Stainless", "Matte Black", "Copper"] }],
    priceRange: [19, 229],
  },
  {
    name: "Garden",
    handle: "garden",
    parcel: { weight_g: 2500, length_cm: 60, width_cm: 25, height_cm: 15 },
    skuCode: "GRD",
    description: "Tools and planters for balconies and gardens.",
    adjectives: ["Galvanised", "Terracotta", "Self-Watering", "Ash-Handled", "Folding", "Raised", "Weatherproof", "Stackable"],
    nouns: ["Planter", "Watering Can", "Pruning Shears", "Trowel", "Garden Kneeler", "Seed Tray"],
    taglines: ["for balconies and backyards", "that stands up to the weather", "loved by hobby gardeners"],
    options: [{ title: "Size", values: ["Small", "Medium", "Large"] }],
    priceRange: [9, 99],
  },
  {
    name: "Electronics",
    handle: "electronics",
    parcel: { weight_g: 700, length_cm: 25, width_cm: 18, height_cm: 8 },
    skuCode: "ELC",
    description: "Chargers, gadgets and smart accessories.",
    adjectives: ["Wireless", "Smart", "Portable", "Fast", "Compact", "Magnetic", "Solar", "Dual-Port"],
    nouns: ["Charger", "Power Bank", "Desk Lamp", "Fitness Tracker", "E-Reader", "Webcam"],
    taglines: ["with USB-C charging", "that fits in a jacket pocket", "with a two-year warranty"],
    options: [
      { title: "Color", values: ["Black", "Silver", "White"] },
      { title: "Edition", values: ["Standard", "Pro"] },
    ],
    priceRange: [24, 249],
  },
  {
    name: "Audio",
    handle: "audio",
    parcel: { weight_g: 600, length_cm: 22, width_cm: 20, height_cm: 10 },
    skuCode: "AUD",
    description: "Headphones and speakers with honest sound.",
    adjectives: ["Noise-Cancelling", "Bluetooth", "Studio", "Waterproof", "Retro", "Over-Ear", "True Wireless", "Bookshelf"],
    nouns: ["Headphones", "Earbuds", "Speaker", "Soundbar", "Turntable", "Radio"],
    taglines: ["with a 30-hour battery", "tuned for balanced sound", "that pairs in seconds"],
    options: [{ title: "Color", values: ["Black", "White", "Blue"] }],
    priceRange: [29, 299],
  },
  {
    name: "Books",
    handle: "books",
    parcel: { weight_g: 500, length_cm: 24, width_cm: 17, height_cm: 4 },
    skuCode: "BOK",
    description: "Cookbooks, field guides and novels.",
    adjectives: ["Illustrated", "Complete", "Pocket", "Essential", "Modern", "Little", "Seasonal", "Curious"],
    nouns: ["Cookbook", "Field Guide", "Atlas", "Novel", "Travel Journal", "Poetry Collection"],
    taglines: ["for curious readers", "with beautiful illustrations", "that makes a great gift"],
    options: [{ title: "Format", values: ["Paperback", "Hardcover"] }],
    priceRange: [9, 45],
  },
  {
    name: "Toys",
    handle: "toys",
    parcel: { weight_g: 800, length_cm: 35, width_cm: 25, height_cm: 20 },
    skuCode: "TOY",
    description: "Wooden toys and games for all ages.",
    adjectives: ["Wooden", "Magnetic", "Stacking", "Musical", "Rainbow", "Pull-Along", "Puzzle", "Plush"],
    nouns: ["Train Set", "Building Blocks", "Animal Figures", "Board Game", "Marble Run", "Teddy Bear"],
    taglines: ["finished with child-safe paint", "for hours of open-ended play", "designed to be handed down"],
    options: [{ title: "Color", values: ["Red", "Blue", "Green", "Yellow"] }],
    priceRange: [12, 79],
  },
  {
    name: "Sports",
    handle: "sports",
    parcel: { weight_g: 1200, length_cm: 50, width_cm: 30, height_cm: 15 },
    skuCode: "SPT",
    description: "Gear for training, running and the gym.",
    adjectives: ["Pro", "Training", "Lightweight", "Grip", "Performance", "Adjustable", "Reflective", "Breathable"],
    nouns: ["Yoga Mat", "Running Shorts", "Resistance Bands", "Jump Rope", "Gym Gloves", "Water Bottle"],
    taglines: ["made for daily workouts", "that moves with you", "with a sweat-wicking finish"],
    options: [
      { title: "Size", values: ["S", "M", "L"] },
      { title: "Color", values: ["Black", "Blue", "Coral"] },
    ],
    priceRange: [9, 79],
  },
  {
    name: "Beauty",
    handle: "beauty",
    parcel: { weight_g: 250, length_cm: 15, width_cm: 10, height_cm: 6 },
    skuCode: "BTY",
    description: "Skin and hair care with short ingredient lists.",
    adjectives: ["Hydrating", "Gentle", "Botanical", "Repairing", "Daily", "Soothing", "Brightening", "Nourishing"],
    nouns: ["Face Cream", "Cleanser", "Hand Balm", "Shampoo", "Serum", "Body Lotion"],
    taglines: ["with no added fragrance", "suitable for sensitive skin", "made with plant-based oils"],
    options: [{ title: "Size", values: ["30 ml", "50 ml", "100 ml"] }],
    priceRange: [8, 59],
  },
  {
    name: "Outdoor",
    handle: "outdoor",
    parcel: { weight_g: 2200, length_cm: 130, width_cm: 30, height_cm: 20 },
    skuCode: "OUT",
    description: "Jackets, tents and camp gear.",
    adjectives: ["Alpine", "Packable", "Insulated", "Ultralight", "Storm", "Expedition", "Trekking", "Windproof"],
    nouns: ["Rain Jacket", "Tent", "Sleeping Bag", "Trekking Poles", "Camp Stove", "Headlamp"],
    taglines: ["for all-season adventures", "that packs down small", "tested in the Alps"],
    options: [
      { title: "Size", values: ["S", "M", "L", "XL"] },
      { title: "Color", values: ["Forest", "Slate", "Orange"] },
    ],
    priceRange: [19, 349],
  },
]
