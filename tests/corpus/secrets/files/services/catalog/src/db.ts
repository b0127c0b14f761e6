import { MongoClient } from "mongodb";

const uri = "mongodb+srv://catalog-svc:xTpTq6Ttm6zb6fhIg9gRkZTv@cluster0.x7hq2.mongodb.net/catalog?retryWrites=true&w=majority";
export const client = new MongoClient(uri);
