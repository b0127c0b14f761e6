export const mockToken = "test-token";
export const mockPassword = "hunter2";
export const mockApiKey = "dummy-api-key";
