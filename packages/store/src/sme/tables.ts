/** Tables of the SME module: the basic security policy and recorded SECURITY ACTION declarations. */
export interface SmePoliciesTable {
  org_id: string;
  input: string;
  published: number;
  published_at: string | null;
  updated_by: string | null;
  updated_at: string;
}

export interface SecurityActionDeclarationsTable {
  id: string;
  org_id: string;
  level: string;
  declaration_id: string;
  declared_on: string;
  recorded_by: string | null;
  created_at: string;
}

/** The SME module's tables; part of `Database`. */
export interface SmeTables {
  sme_policies: SmePoliciesTable;
  security_action_declarations: SecurityActionDeclarationsTable;
}
