from huggingface_hub import HfApi

api = HfApi(token="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")
api.upload_folder(folder_path="./out", repo_id="helios-labs/ranker-v3", repo_type="model")
