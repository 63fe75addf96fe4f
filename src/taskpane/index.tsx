// Placeholder until the wizard lands (issue 4): the manifest's pane must load something.
Office.onReady(() => {
  const root = document.getElementById("root");
  if (root) root.textContent = "AIBUDGET: the wizard is coming. The AIBUDGET functions work in any cell.";
});
