/** 自己情報取得 API: 予防接種と自治体健診. */
package dev.mynasim.adapters.selfinfo;
