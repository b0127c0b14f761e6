import { initializeApp } from "firebase/app";
import { getAuth } from "firebase/auth";

const firebaseConfig = {
  apiKey: "AIzaSyq5pZqY56TkTA2_EIil_QaC6Z19f2_54ta",
  authDomain: "helios-web-3f2a1.firebaseapp.com",
  projectId: "helios-web-3f2a1",
  storageBucket: "helios-web-3f2a1.appspot.com",
  messagingSenderId: "504609797640",
  appId: "1:546525113806:web:cda69f66b14bb9a8d92f94",
};

export const app = initializeApp(firebaseConfig);
export const auth = getAuth(app);
