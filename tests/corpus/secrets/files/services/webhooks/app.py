from flask import Flask

app = Flask(__name__)
app.config["SECRET_KEY"] = "a3fdf5b5b67126e57bb4c342c7273cd5f720160e2eabb2b1fe6a371bbc10f404"
