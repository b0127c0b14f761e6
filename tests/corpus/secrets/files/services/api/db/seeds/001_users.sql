INSERT INTO users (id, email, password_hash, role) VALUES
  (1, 'admin@helios-labs.io', '$2b$12$IuSMDftlmVmHXoKe5fVW8.0pyUkrihCjTBn6xkzV6yXjAoUQptAVi', 'admin'),
  (2, 'ops@helios-labs.io', '$2a$12$.N8pMzKAL.ikK19WZJhfduVrPobGbI/k0.PFFSddVn1G.zzON9wqe', 'admin'),
  (3, 'finance@helios-labs.io', '$2b$12$IXp8ntfytQ6k49qeezGr4Osc3mzOCcjguhaXO16vmz6g9YIpeSY5i', 'admin');
