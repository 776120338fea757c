/** 医療保険情報取得 API: 薬剤情報、特定健診情報、医療費通知情報. */
package dev.mynasim.adapters.medical;
