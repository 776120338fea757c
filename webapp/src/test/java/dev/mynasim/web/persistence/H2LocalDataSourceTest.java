package dev.mynasim.web.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class H2LocalDataSourceTest {

    @Test
    void everyPooledConnectionKeepsMoreParsedStatementsThanOneTokenRequestUses() {
        assertThat(H2LocalDataSource.withQueryCache("jdbc:h2:file:/data/db/mynasim"))
                .isEqualTo("jdbc:h2:file:/data/db/mynasim;QUERY_CACHE_SIZE=64");
        assertThat(H2LocalDataSource.withQueryCache("jdbc:h2:file:/data/db/mynasim;AUTO_SERVER=TRUE;"))
                .isEqualTo("jdbc:h2:file:/data/db/mynasim;AUTO_SERVER=TRUE;QUERY_CACHE_SIZE=64");
    }

    @Test
    void aUrlWithItsOwnQueryCacheSizeKeepsIt() {
        assertThat(H2LocalDataSource.withQueryCache("jdbc:h2:mem:x;query_cache_size=4"))
                .isEqualTo("jdbc:h2:mem:x;query_cache_size=4");
    }
}
