/** お知らせ／民送情報取得 API: お知らせと民間送達. */
package dev.mynasim.adapters.notices;
