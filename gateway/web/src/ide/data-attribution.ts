/**
 * The attribution the data's licences ask for wherever it is republished: the sister-city pairs
 * come from English Wikipedia (CC BY-SA 4.0), the coordinates from GeoNames (CC BY 4.0).
 * Every export starts with it.
 */
export const DATA_ATTRIBUTION =
  "# Data: Sister Cities Graph. Sister-city pairs from English Wikipedia lists, CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); coordinates GeoNames (CC BY 4.0).";
