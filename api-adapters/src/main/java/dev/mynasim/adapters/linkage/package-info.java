/** 属性連携設定 API: links and unlinks the person's portal account to the service's own account id. */
package dev.mynasim.adapters.linkage;
