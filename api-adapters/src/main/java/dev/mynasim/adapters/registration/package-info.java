/** 利用者登録等 API: reports and makes the person's portal registration (owned by portal-auth). */
package dev.mynasim.adapters.registration;
