// Placeholder until the playground lands (issue 4).
const root = document.getElementById("root");
if (root) root.textContent = "AIBUDGET playground";
