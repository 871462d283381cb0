/* The app's Streamlit component (ui/time_control.py): it loads the browser app's bundle by the
   content-hashed address Python gives (geo/web/app/dist/app.js), which mounts the part `data.role` names. */
export default function (component) {
  return import(component.data.app).then((app) => app.default(component));
}
