/// The catalogue queries of `PostgresTableSwap`.
extension PostgresTableSwap {
    /// Whether table `$1` is one a first load may replace: an ordinary, permanent table of the current user,
    /// in the schema where unqualified new tables go and where the user may create them, never written (no
    /// page at all), with default storage, replica identity and tablespace, no row-level security, no column
    /// grants or options, no index that is invalid, clustered, a replica identity, in another tablespace or
    /// behind a constraint, and nothing that depends on it but its own indexes, CHECK and NOT NULL
    /// constraints and column defaults (no view, foreign key either way, trigger, policy, statistics object,
    /// publication, owned sequence, partition or child table).
    static let eligibilitySQL = """
        SELECT coalesce((
            SELECT c.relkind = 'r' AND c.relpersistence = 'p' AND c.reloptions IS NULL AND c.reltablespace = 0
                AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
                AND c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
                AND has_schema_privilege(c.relnamespace, 'CREATE')
                AND NOT c.relrowsecurity AND NOT c.relispartition AND NOT c.relhassubclass
                AND c.relreplident = 'd' AND pg_relation_size(c.oid) = 0
                AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0
                    AND (a.attacl IS NOT NULL OR a.attoptions IS NOT NULL OR a.attisdropped))
                AND NOT EXISTS (SELECT 1 FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
                    WHERE i.indrelid = c.oid AND (NOT i.indisvalid OR i.indisclustered OR i.indisreplident
                        OR ic.reltablespace <> 0 OR ic.reloptions IS NOT NULL))
                AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.confrelid = c.oid
                    OR (k.conrelid = c.oid AND k.contype NOT IN ('c', 'n')))
                AND NOT EXISTS (SELECT 1 FROM pg_depend d
                    WHERE d.refclassid = 'pg_class'::regclass AND d.refobjid = c.oid AND d.deptype IN ('n', 'a')
                        AND NOT (d.classid = 'pg_class'::regclass
                            AND d.objid IN (SELECT indexrelid FROM pg_index WHERE indrelid = c.oid))
                        AND NOT (d.classid = 'pg_constraint'::regclass
                            AND d.objid IN (SELECT oid FROM pg_constraint WHERE conrelid = c.oid))
                        AND NOT (d.classid = 'pg_attrdef'::regclass
                            AND d.objid IN (SELECT oid FROM pg_attrdef WHERE adrelid = c.oid)))
            FROM pg_class c WHERE c.oid = to_regclass($1)), false)
        """

    /// The `GRANT`s that give table `$2` the grants table `$1` has beyond its owner's own, and the
    /// `COMMENT ON TABLE` that gives it `$1`'s comment.
    static let grantsAndCommentSQL = """
        SELECT format('GRANT %s ON %I TO %s%s', a.privilege_type, $2::text,
                CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END,
                CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END)
        FROM pg_class c, aclexplode(c.relacl) a WHERE c.oid = to_regclass($1) AND a.grantee <> c.relowner
        UNION ALL
        SELECT format('COMMENT ON TABLE %I IS %L', $2::text, d)
        FROM obj_description(to_regclass($1), 'pg_class') d WHERE d IS NOT NULL
        """

    /// Whether tables `$1` and `$2` have the same grants, in the same order.
    static let sameGrantsSQL = """
        SELECT (SELECT relacl::text FROM pg_class WHERE oid = to_regclass($1))
            IS NOT DISTINCT FROM (SELECT relacl::text FROM pg_class WHERE oid = to_regclass($2))
        """
}
