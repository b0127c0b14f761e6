export const SERVICE_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ3ZWItZnJvbnRlbmQiLCJyb2xlIjoic2VydmljZSIsImlhdCI6MTc0MzQyNTgxMSwiZXhwIjoyMDU4Nzg1ODExfQ.aLdJ04lCJb8fwb6OeKRTAvEghtYXb81SDfzxFx-2hYo";

export const fetchInternal = (path) =>
  fetch(`/internal${path}`, { headers: { Authorization: `Bearer ${SERVICE_TOKEN}` } });
